import { ActionIcon, Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  trackingCode: string;
  /** Where the lookup lives (public) or the sent item (unit). */
  lookupTo?: string;
  openTo?: string;
  onAnother: () => void;
}

/** The tracking code, large and copyable, once feedback has been sent; focus moves to it. */
export function SentPanel({ trackingCode, lookupTo, openTo, onAnother }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder p="xl" radius="md" style={{ borderLeft: '6px solid var(--mantine-color-bio-7)' }}>
      <Stack gap="md">
        <Title order={2} size="h3" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          <Group gap="xs" component="span">
            <IconCheck size={24} aria-hidden color="var(--mantine-color-bio-7)" />
            {t('feedback.sent.title')}
          </Group>
        </Title>
        <Text>{t('feedback.sent.intro')}</Text>
        <Alert color="bio" variant="outline" p="md">
          <Text size="sm" fw={600}>
            {t('feedback.sent.code')}
          </Text>
          <Group gap="sm" mt={4} wrap="nowrap">
            <Code fz={28} fw={700} px="md" py={6} data-testid="tracking-code" c="dark.9" bg="gray.1">
              {trackingCode}
            </Code>
            <CopyButton value={trackingCode} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('feedback.sent.copied') : t('feedback.sent.copy')} withArrow>
                  <ActionIcon
                    variant="filled"
                    size="lg"
                    onClick={copy}
                    aria-label={copied ? t('feedback.sent.copied') : t('feedback.sent.copy')}
                  >
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Alert>
        <Group gap="sm">
          {lookupTo && (
            <Button component={Link} to={lookupTo}>
              {t('feedback.sent.lookup')}
            </Button>
          )}
          {openTo && (
            <Button component={Link} to={openTo}>
              {t('feedback.sent.open')}
            </Button>
          )}
          <Button variant="default" onClick={onAnother}>
            {t('feedback.sent.another')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
