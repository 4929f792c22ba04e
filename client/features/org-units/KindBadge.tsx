import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgUnitKind } from '../../../shared/domain';

/** The kind of a unit in words: Tỉnh, UBND, Sở, Huyện/Thành phố, Xã, Phường… */
export function KindBadge({ kind }: { kind: OrgUnitKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" size="sm" style={{ flexShrink: 0 }}>
      {t(`orgUnits.kinds.${kind}`)}
    </Badge>
  );
}
