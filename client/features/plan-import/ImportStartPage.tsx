import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatNumber } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { ScrollTable } from '../../components/ScrollTable';
import { useCreatePlanImportMutation, usePlanImportsQuery } from './api';

/** /nhap-ke-hoach: upload or paste a plan's text; the recent imports below. */
export function ImportStartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const create = useCreatePlanImportMutation();
  const list = usePlanImportsQuery();
  const error = create.error instanceof ApiError ? create.error.message : (create.error?.message ?? null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(file ? { file } : { text }, { onSuccess: (d) => void navigate(`/nhap-ke-hoach/${d.id}`) });
  };

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('planImport.title')}
        </Title>
        <Text mt={4} maw={860}>
          {t('planImport.intro')}
        </Text>
      </div>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack gap="md">
          <FileInput
            label={t('planImport.file')}
            placeholder={t('planImport.filePlaceholder')}
            accept=".docx,.pdf,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            value={file}
            onChange={setFile}
            clearable
            leftSection={<IconUpload size={16} aria-hidden />}
          />
          <Textarea
            label={t('planImport.orPaste')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={12}
            disabled={Boolean(file)}
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!file && text.trim().length === 0}
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              {t('planImport.read')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={2} size="h3">
        {t('planImport.recent')}
      </Title>
      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Text c="dimmed">{t('planImport.none')}</Text>
          ) : (
            <ScrollTable minWidth={640} label={t('planImport.recent')}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('planImport.header.number')}</Table.Th>
                    <Table.Th>{t('planImport.header.date')}</Table.Th>
                    <Table.Th>{t('planImport.coverage')}</Table.Th>
                    <Table.Th>{t('planImport.tree')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/nhap-ke-hoach/${d.id}`}>
                          {d.header.number || d.fileName || d.id.slice(0, 8)}
                        </Anchor>
                        <Text size="sm" lineClamp={1} maw={480}>
                          {d.header.title}
                        </Text>
                      </Table.Td>
                      <Table.Td>{d.header.date ? formatDate(d.header.date) : '—'}</Table.Td>
                      <Table.Td>{formatNumber(d.coverage.percent)} %</Table.Td>
                      <Table.Td>
                        <Badge color={d.status === 'published' ? 'bio.7' : 'gray.7'}>
                          {t(`planImport.status.${d.status}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )
        }
      </QueryState>
    </Stack>
  );
}
