import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidationDto, ParagraphDto } from '../../../shared/contracts/consolidation';
import { ConfirmModal } from '../../components/ConfirmModal';
import type { DraftAutosave } from './useDraftAutosave';

/** The draft's paragraphs under the report's headings, each with its source unit; editable by the focal officer. */
export function Paragraphs({
  draft,
  canEdit,
  save,
}: {
  draft: ConsolidationDto;
  canEdit: boolean;
  save: DraftAutosave;
}) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<ParagraphDto | null>(null);
  const sourceOf = (paragraph: ParagraphDto) => paragraph.source?.unitName ?? t('consolidation.manual');
  const headingOf = (part: string) =>
    ({
      implementation: 'I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN',
      results: 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP',
      difficulties: 'IV. KHÓ KHĂN, VƯỚNG MẮC',
      proposals: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
    })[part] ?? part;
  return (
    <Stack gap="md">
      {draft.groups.map((group, groupIndex) => {
        const list = draft.paragraphs.filter(
          (paragraph) => paragraph.part === group.part && paragraph.itemKey === group.itemKey,
        );
        // A part's heading stands above its first group.
        const partHeading = draft.groups[groupIndex - 1]?.part !== group.part ? headingOf(group.part) : null;
        return (
          <Stack key={`${group.part}|${group.itemKey}`} gap="xs">
            {partHeading && (
              <Title order={2} size="h4" mt="sm">
                {partHeading}
              </Title>
            )}
            {group.itemKey !== '' && (
              <Stack gap={0}>
                <Title order={3} size="h5">
                  {group.heading}
                </Title>
                {group.citation && (
                  <Text size="sm" c="dimmed">
                    {group.citation}
                  </Text>
                )}
              </Stack>
            )}
            {list.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('consolidation.emptyGroup')}
              </Text>
            )}
            {list.map((paragraph, index) => (
              <Paper key={paragraph.id} withBorder p="sm" data-testid="paragraph">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs">
                    <Group gap={6}>
                      <Badge variant="light" color={paragraph.source ? 'gray' : 'grape'} c="dark">
                        {paragraph.source
                          ? t('consolidation.source', { unit: paragraph.source.unitName })
                          : t('consolidation.manual')}
                      </Badge>
                      {paragraph.isNew && <Badge color="blue.9">{t('consolidation.badgeNew')}</Badge>}
                      {paragraph.isUpdated && <Badge color="cyan.9">{t('consolidation.badgeUpdated')}</Badge>}
                      {paragraph.isEdited && (
                        <Badge color="yellow" c="dark">
                          {t('consolidation.badgeEdited')}
                        </Badge>
                      )}
                      {paragraph.isProvisional && <Badge color="orange.9">{t('consolidation.badgeProvisional')}</Badge>}
                      {paragraph.sourceChanged && <Badge color="red.9">{t('consolidation.badgeSourceChanged')}</Badge>}
                    </Group>
                    {canEdit && (
                      <Group gap={4}>
                        <ActionIcon
                          variant="subtle"
                          disabled={index === 0}
                          aria-label={t('consolidation.moveUp', { source: sourceOf(paragraph) })}
                          onClick={() => save.push({ op: 'move', id: paragraph.id, offset: -1 })}
                        >
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={index === list.length - 1}
                          aria-label={t('consolidation.moveDown', { source: sourceOf(paragraph) })}
                          onClick={() => save.push({ op: 'move', id: paragraph.id, offset: 1 })}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('consolidation.remove', { source: sourceOf(paragraph) })}
                          onClick={() => setRemoving(paragraph)}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    )}
                  </Group>
                  {canEdit ? (
                    <Textarea
                      aria-label={t('consolidation.paragraphLabel', { source: sourceOf(paragraph) })}
                      autosize
                      minRows={2}
                      maxLength={20000}
                      value={save.texts[paragraph.id] ?? paragraph.text}
                      onChange={(event) => save.setText(paragraph.id, event.currentTarget.value)}
                    />
                  ) : (
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{paragraph.text}</Text>
                  )}
                </Stack>
              </Paper>
            ))}
            {canEdit && (
              <AddParagraph
                heading={group.part === 'results' ? group.heading : headingOf(group.part)}
                onAdd={(text) => save.push({ op: 'add', part: group.part, itemKey: group.itemKey, text })}
              />
            )}
          </Stack>
        );
      })}
      <ConfirmModal
        opened={Boolean(removing)}
        onClose={() => setRemoving(null)}
        title={t('consolidation.removeTitle')}
        size="md"
        color="red"
        confirmLabel={t('consolidation.removeOk')}
        onConfirm={() => {
          if (removing) save.push({ op: 'remove', id: removing.id });
          setRemoving(null);
        }}
      >
        <Text>{removing && t('consolidation.removeConfirm', { source: sourceOf(removing) })}</Text>
      </ConfirmModal>
    </Stack>
  );
}

/** A button that opens a box for a paragraph written by hand under a heading. */
function AddParagraph({ heading, onAdd }: { heading: string; onAdd: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!open) {
    return (
      <Button
        variant="subtle"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => setOpen(true)}
        aria-label={`${t('consolidation.add')}: ${heading}`}
      >
        {t('consolidation.add')}
      </Button>
    );
  }
  return (
    <Stack gap={6}>
      <Textarea
        label={t('consolidation.addLabel', { heading })}
        autosize
        minRows={2}
        maxLength={20000}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        data-autofocus
      />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={!text.trim()}
          onClick={() => {
            onAdd(text.trim());
            setText('');
            setOpen(false);
          }}
        >
          {t('consolidation.addOk')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
