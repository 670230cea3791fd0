import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Icon, ICON_NAMES } from './index.js';

describe('icons', () => {
  it('draws every icon as an inline SVG hidden from assistive technology, with no text', () => {
    for (const name of ICON_NAMES) {
      const { container, unmount } = render(<Icon name={name} />);
      const svg = container.querySelector('svg');
      expect(svg?.getAttribute('aria-hidden')).toBe('true');
      expect(svg?.querySelector('path')).not.toBeNull();
      expect(container.textContent).toBe('');
      unmount();
    }
  });
});
