// Test support for the enterprise registry: valid tax codes and a quick way to add a firm.
import { taxCodeCheckDigit } from '../../../shared/tax-code.js';
import type { TestClient } from '../../test/harness.js';

/** The n-th valid tax code after a prefix: 9 digits with the check digit they call for. */
export function validTaxCode(seed: number): string {
  for (let n = seed; ; n += 1) {
    const nine = `39${String(n).padStart(7, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** Adds an enterprise as `client`; throws unless it was created. */
export async function addEnterprise(
  client: TestClient,
  body: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const res = await client.post('/api/v1/registries/enterprises', { name: 'Công ty TNHH Thử nghiệm', ...body });
  if (res.statusCode !== 201) throw new Error(`enterprise: ${res.statusCode} ${res.body}`);
  return res.json();
}
