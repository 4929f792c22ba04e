import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AmendmentStatus } from '../../../shared/contracts/amendments';

// Dark shades only, so white text keeps AA contrast; the word carries the meaning.
const COLORS: Record<AmendmentStatus, string> = {
  draft: 'gray.7',
  submitted: 'blue.8',
  approved: 'bio.7',
  rejected: 'red.9',
};

export function AmendmentStatusBadge({ status, size = 'sm' }: { status: AmendmentStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="filled" size={size} tt="none" style={{ flexShrink: 0 }}>
      {t(`amendments.status.${status}`)}
    </Badge>
  );
}
