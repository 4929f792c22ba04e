import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssignmentDto } from '../../../shared/contracts/plans';

const ROLE_ORDER = { lead: 0, coordinate: 1 } as const;

/**
 * Who carries out an item: each unit or group with a "Chủ trì" / "Phối hợp" badge. A unit named
 * in the plan that no longer exists is followed by the unit holding its function today
 * (Nghị quyết 190/2025/QH15): "Sở Tài chính tỉnh Bến Tre (nay là Sở Tài chính tỉnh Vĩnh Long)".
 */
export function AssignmentList({ assignments }: { assignments: AssignmentDto[] }) {
  const { t } = useTranslation();
  if (assignments.length === 0) return null;
  const sorted = [...assignments].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return (
    <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('plan.responsible')}>
      {sorted.map((a) => {
        const holders = a.orgUnit ? a.currentUnits.filter((u) => u.id !== a.orgUnit!.id) : [];
        return (
          <Group component="li" key={a.id} gap={8} wrap="nowrap" align="flex-start">
            <Badge
              variant={a.role === 'lead' ? 'filled' : 'outline'}
              size="sm"
              miw={84}
              style={{ flexShrink: 0 }}
              mt={2}
            >
              {t(`plan.${a.role}`)}
            </Badge>
            <Text size="sm" component="span">
              {a.orgUnit ? (
                <Anchor component={Link} to={`/don-vi/${a.orgUnit.id}`} size="sm">
                  {a.orgUnit.fullName}
                </Anchor>
              ) : (
                a.unitGroup && t(`plan.groups.${a.unitGroup}`)
              )}
              {holders.length > 0 && (
                <>
                  {' ('}
                  {t('plan.nowHeldBy')}{' '}
                  {holders.map((u, i) => (
                    <span key={u.id}>
                      {i > 0 && ', '}
                      <Anchor component={Link} to={`/don-vi/${u.id}`} size="sm">
                        {u.fullName}
                      </Anchor>
                    </span>
                  ))}
                  {')'}
                </>
              )}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}
