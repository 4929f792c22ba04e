import { Badge, Button, Paper, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import type { ReportDto, ReportSection } from '../../../shared/contracts/reporting';
import { LIMITS } from '../../../shared/limits';
import { sectionCitation } from '../../../shared/plan-citation';
import { fieldId } from './fields';
import { TitledSection } from '../../components/TitledSection';

type Part = 'results' | 'difficulties' | 'proposals';
const PARTS: Part[] = ['results', 'difficulties', 'proposals'];
type Free = 'otherResults' | 'proposalsToCommittee';

interface Props {
  report: ReportDto;
  sections: Record<string, Omit<ReportSection, 'planItemId'>>;
  otherResults: string;
  proposalsToCommittee: string;
  errors?: Record<string, string>;
  /** Present when editable. */
  onSection?: (planItemId: string, part: Part, value: string) => void;
  onFree?: (part: Free, value: string) => void;
  /** Texts each section's results may be filled from (by plan item id, and 'otherResults'). */
  prefill?: Record<string, string>;
}

/**
 * "Điền từ hoạt động": fills a results field from the unit's activities and records of the window.
 * An empty field is filled at once; one with text is replaced only after the officer confirms.
 */
function PrefillButton({
  offer,
  current,
  where,
  onFill,
}: {
  offer: string;
  current: string;
  where: string;
  onFill: (filled: string) => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconWand size={14} aria-hidden />}
        onClick={() => (current.trim() ? setAsking(true) : onFill(offer))}
        style={{ alignSelf: 'flex-start' }}
        title={t('reporting.prefill.narrativeHint')}
      >
        {t('reporting.prefill.narrative')}
        <VisuallyHidden> — {where}</VisuallyHidden>
      </Button>
      <ConfirmModal
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('reporting.prefill.replaceTitle')}
        confirmLabel={t('reporting.prefill.replace')}
        onConfirm={() => {
          onFill(offer);
          setAsking(false);
        }}
      >
        <Text size="sm">{t('reporting.prefill.replaceBody')}</Text>
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {offer}
          </Text>
        </Paper>
      </ConfirmModal>
    </>
  );
}

/** One narrative per assigned plan item (results, difficulties, proposals), then the two free sections. */
export function Narratives({
  report,
  sections,
  otherResults,
  proposalsToCommittee,
  errors = {},
  onSection,
  onFree,
  prefill = {},
}: Props) {
  const { t } = useTranslation();
  const editable = Boolean(onSection);
  const text = (value: string) =>
    value.trim() ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    ) : (
      <Text size="sm" fs="italic">
        {t('reporting.report.empty')}
      </Text>
    );

  return (
    <>
      <TitledSection id="report-narratives" title={t('reporting.report.narratives')} size="h3" mb="sm">
        {report.form.sections.length === 0 && <Text size="sm">{t('reporting.report.noSections')}</Text>}
        <Stack gap="md">
          {report.form.sections.map((s) => {
            const content = sections[s.planItemId] ?? { results: '', difficulties: '', proposals: '' };
            return (
              <Paper key={s.planItemId} withBorder p="md" data-section={s.key}>
                <Title order={3} size="h5" mb={4}>
                  {s.label} {s.title}{' '}
                  <Badge variant="outline" color="gray.8" tt="none" size="sm">
                    {t(`reporting.report.${s.role}`)}
                  </Badge>
                </Title>
                <Text size="xs" data-testid="section-citation">
                  {sectionCitation(s).replace(/^./u, (first) => first.toLocaleUpperCase('vi'))}
                </Text>
                <Stack gap="sm" mt="sm">
                  {PARTS.map((part) => {
                    const path = `sections.${s.planItemId}.${part}`;
                    const label = (
                      <>
                        {t(`reporting.report.${part}`)}
                        <VisuallyHidden>
                          {' '}
                          — {t('reporting.report.itemSuffix', { key: sectionCitation(s) })}
                        </VisuallyHidden>
                      </>
                    );
                    const offered = part === 'results' ? prefill[s.planItemId] : undefined;
                    return editable ? (
                      <Stack key={part} gap={4}>
                        {offered && (
                          <PrefillButton
                            offer={offered}
                            current={content.results}
                            where={sectionCitation(s)}
                            onFill={(filled) => onSection!(s.planItemId, 'results', filled)}
                          />
                        )}
                        <Textarea
                          id={fieldId(path)}
                          label={label}
                          required={part === 'results'}
                          autosize
                          minRows={part === 'results' ? 3 : 2}
                          maxRows={14}
                          maxLength={LIMITS.longText}
                          value={content[part]}
                          onChange={(e) => onSection!(s.planItemId, part, e.currentTarget.value)}
                          error={errors[path]}
                        />
                      </Stack>
                    ) : (
                      <div key={part}>
                        <Text size="sm" fw={600}>
                          {label}
                        </Text>
                        {text(content[part])}
                      </div>
                    );
                  })}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </TitledSection>
      <TitledSection id="report-free" title={t('reporting.report.free')} size="h3" mb="sm">
        <Stack gap="sm">
          {(['otherResults', 'proposalsToCommittee'] as const).map((part) =>
            editable ? (
              <Stack key={part} gap={4}>
                {part === 'otherResults' && prefill.otherResults && (
                  <PrefillButton
                    offer={prefill.otherResults}
                    current={otherResults}
                    where={t('reporting.prefill.otherResults')}
                    onFill={(filled) => onFree!('otherResults', filled)}
                  />
                )}
                <Textarea
                  id={fieldId(part)}
                  label={t(`reporting.report.${part}`)}
                  autosize
                  minRows={3}
                  maxRows={14}
                  maxLength={LIMITS.longText}
                  value={part === 'otherResults' ? otherResults : proposalsToCommittee}
                  onChange={(e) => onFree!(part, e.currentTarget.value)}
                  error={errors[part]}
                />
              </Stack>
            ) : (
              <Paper withBorder p="md" key={part}>
                <Title order={3} size="h5" mb={4}>
                  {t(`reporting.report.${part}`)}
                </Title>
                {text(part === 'otherResults' ? otherResults : proposalsToCommittee)}
              </Paper>
            ),
          )}
        </Stack>
      </TitledSection>
    </>
  );
}
