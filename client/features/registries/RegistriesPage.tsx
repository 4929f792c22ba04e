import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pathTo } from '../../../shared/routes';
import { REGISTRY_KINDS } from '../../../shared/registry-kinds';
import { useLang } from './RecordFields';

/** The registries of the field (/so-theo-doi): the enterprise registry and every generic registry. */
export function RegistriesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const entries = [
    { to: '/doanh-nghiep', title: t('registries.hub.enterprises'), intro: t('registries.hub.enterprisesIntro') },
    ...REGISTRY_KINDS.map((k) => ({
      to: pathTo('registryList', { kind: k.slug }),
      title: k.title[lang],
      intro: k.intro[lang],
    })),
  ];
  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={1} size="h2">
          {t('registries.hub.title')}
        </Title>
        <Text mt={4} maw={860}>
          {t('registries.hub.intro')}
        </Text>
      </div>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {entries.map((e) => (
          <Paper component="li" withBorder p="md" key={e.to}>
            <Anchor component={Link} to={e.to} fw={600} size="lg">
              {e.title}
            </Anchor>
            <Text size="sm" mt={4}>
              {e.intro}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
