/**
 * A stable colour per user, from a palette chosen to stay distinct from the
 * status colours and to keep 3:1 contrast against white as an outline.
 */
const PALETTE = ['#7b2cbf', '#d9480f', '#0b7285', '#c2255c', '#5c940d', '#1864ab', '#9c36b5', '#e67700'] as const;

export function userColor(userId: string): string {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return PALETTE[(h >>> 0) % PALETTE.length] ?? PALETTE[0];
}
