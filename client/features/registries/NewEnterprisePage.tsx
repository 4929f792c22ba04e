import { Alert, Anchor, Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { normaliseTaxCode, taxCodeMessage, taxCodeProblem } from '../../../shared/tax-code';
import { ApiError } from '../../api/client';
import { useCreateEnterpriseMutation, useLookupQuery } from './api';
import { EnterpriseForm } from './EnterpriseForm';

/**
 * Adding an enterprise (/doanh-nghiep/moi). The tax code comes first: once it is valid the
 * registry is asked whether the firm exists, and if it does the officer is taken to it to add an
 * observation instead of creating a duplicate.
 */
export function NewEnterprisePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const taxCode = normaliseTaxCode(typed);
  const problem = taxCode ? taxCodeProblem(taxCode) : null;
  const lookup = useLookupQuery(taxCode);
  const create = useCreateEnterpriseMutation();
  const existing = lookup.data?.enterprise;
  const codeError =
    (problem && taxCode.length >= 10 ? taxCodeMessage(problem) : undefined) ??
    (create.error instanceof ApiError ? create.error.fieldError('taxCode') : undefined);
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/doanh-nghiep" size="sm">
        ← {t('registries.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('registries.add')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="md">
          <TextInput
            label={t('registries.field.taxCode')}
            description={t('registries.field.taxCodeHint')}
            required
            inputMode="numeric"
            maxLength={16}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            error={codeError}
            data-testid="tax-code"
          />
          {existing && (
            <Alert color="yellow" role="status">
              <Stack gap="xs" align="flex-start">
                {t('registries.exists', { name: existing.name })}
                <Button onClick={() => void navigate(`/doanh-nghiep/${existing.id}#ghi-nhan`)}>
                  {t('registries.openExisting')}
                </Button>
              </Stack>
            </Alert>
          )}
          {!problem && taxCode && lookup.isSuccess && !existing && (
            <EnterpriseForm
              initial={{ name: '', communeId: null, sector: '', industrialYears: [], products: [], planItemIds: [] }}
              submitLabel={t('registries.create')}
              submitting={create.isPending}
              error={create.error}
              onSubmit={(values) =>
                create.mutate(
                  { taxCode, ...values },
                  { onSuccess: (item) => void navigate(`/doanh-nghiep/${item.id}`) },
                )
              }
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
