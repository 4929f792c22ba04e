import { Anchor, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DerivedValueDto } from '../../../shared/contracts/prefill';
import { formatNumber } from '../../../shared/format';
import type { FieldValue } from './fields';
import classes from './report.module.css';

interface Props {
  derived: DerivedValueDto;
  /** The field's label ("DN-01 — …"), for the screen reader's words of the button and link. */
  label: string;
  /** What the field holds now. */
  current: FieldValue | undefined;
  /** Present in the form: puts the derived value into the field. */
  onTake?: () => void;
  /** A yes/no indicator: the derived 1 or 0 reads "Có" or "Không". */
  yesNo?: boolean;
}

/**
 * Beside an indicator field: the value the unit's records of the data window give, how it is
 * computed and a link to those records. In the form, one click takes it (the officer may still
 * type another); in the read view, a value typed otherwise is pointed out.
 */
export function DerivedHint({ derived, label, current, onTake, yesNo = false }: Props) {
  const { t, i18n } = useTranslation();
  const show = (n: number | null) =>
    yesNo && n !== null ? t(n ? 'reporting.report.yes' : 'reporting.report.no') : formatNumber(n);
  const value = show(derived.value);
  const method = i18n.language === 'en' ? derived.method.en : derived.method.vi;
  const code = derived.indicatorCode;
  const testId = `derived-${code}${derived.wasteStream ? `.${derived.wasteStream}` : ''}`;
  const link = (
    <Anchor component={Link} to={derived.link} size="xs" underline="always">
      {t('reporting.prefill.records')}
      <VisuallyHidden> — {label}</VisuallyHidden>
    </Anchor>
  );
  const details = (
    <details className={classes.derivedMethod}>
      <summary>
        <Text span size="xs">
          {t('reporting.prefill.method', { method: '' }).replace(/:\s*$/, '')}
        </Text>
      </summary>
      <Text size="xs">{method}</Text>
    </details>
  );

  if (!onTake) {
    // The read view (the focal department's review): say when the typed value is not the records'.
    return (
      <Stack gap={2} mt={4} data-testid={testId} data-differs={derived.differs ? 'true' : 'false'}>
        <Text size="xs" c={derived.differs ? 'red.9' : 'gray.7'} fw={derived.differs ? 600 : undefined}>
          {derived.differs
            ? t('reporting.prefill.differs', { typed: show(derived.typed), value })
            : t('reporting.prefill.fromRecords', { value })}
        </Text>
        <Group gap={8}>{link}</Group>
        {details}
      </Stack>
    );
  }

  const taken = yesNo
    ? typeof current === 'boolean' && current === (derived.value === 1)
    : typeof current === 'number' && current === derived.value;
  return (
    <Stack gap={2} mt={4} className={classes.derived} data-testid={testId}>
      <Text size="xs" c="gray.7">
        {t('reporting.prefill.fromRecords', { value })}
      </Text>
      <Group gap={8}>
        {taken ? (
          <Text size="xs" c="bio.9">
            {t('reporting.prefill.taken')}
          </Text>
        ) : (
          <Button
            size="compact-xs"
            variant="light"
            leftSection={<IconDatabaseImport size={14} aria-hidden />}
            onClick={onTake}
          >
            {t('reporting.prefill.take')}
            <VisuallyHidden> — {label}</VisuallyHidden>
          </Button>
        )}
        {link}
      </Group>
      {details}
    </Stack>
  );
}
