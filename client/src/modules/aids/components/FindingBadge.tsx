import { useFindingsLabel } from '../hooks/useFindingsLabel.js';
import { Icon } from '../../icons/index.js';

/** The per-cell findings icon in the grid: count, and whether any is an error (the list is in the side panel). */
export function FindingBadge({ count, errors }: { count: number; errors: number }) {
  const findingsLabel = useFindingsLabel();
  if (count === 0) return null;
  const label = findingsLabel(errors, count - errors);
  return (
    <span className={`badge badge-findings${errors > 0 ? ' has-errors' : ''}`} title={label} aria-label={label} data-testid="finding-badge">
      <Icon name={errors > 0 ? 'error' : 'warning'} /> {count}
    </span>
  );
}
