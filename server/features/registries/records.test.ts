import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  RecordDto,
  RecordImportResponse,
  RecordListResponse,
} from '../../../shared/contracts/registry-records.js';
import { auditLog, registryRecords } from '../../db/schema/index.js';
import { derivationFor } from '../../lib/derivations.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm, pdfBytes } from '../../test/multipart.js';
import { listPublicBioProducts } from './index.js';
import { addEnterprise, validTaxCode } from './registries.fixtures.js';

let t: TestApp;
let health: TestClient;
let finance: TestClient;
let focal: TestClient;
let leader: TestClient;
let healthId: string;
let financeId: string;
let giaoLong: string;

beforeAll(async () => {
  t = await buildTestApp();
  health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  focal = await t.loginAs('focal');
  leader = await t.loginAs('leader');
  healthId = await t.unitId('VL-SYT');
  financeId = await t.unitId('VL-STC');
  giaoLong = await t.unitId('28807');
}, 120_000);
afterAll(async () => t?.close());

const URL = '/api/v1/registries/records';

async function add(
  client: TestClient,
  kind: string,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const res = await client.post(URL, { kind, data, ...extra });
  if (res.statusCode !== 201) throw new Error(`${kind}: ${res.statusCode} ${res.body}`);
  return res.json<RecordDto>();
}

const training = (title: string, startDate: string, more: Record<string, unknown> = {}) => ({
  title,
  startDate,
  organiser: 'Sở Y tế',
  officials: 10,
  business: 5,
  residents: 20,
  ...more,
});

describe('validation names the field in Vietnamese', () => {
  it('refuses a training without a title, with a negative number and an end before the start', async () => {
    const res = await health.post(URL, {
      kind: 'training',
      data: { title: ' ', startDate: '2026-03-10', organiser: 'Sở Y tế', officials: -1 },
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as Array<{ path: string; message: string }>;
    expect(issues).toEqual([
      { path: 'data.title', message: 'Tên lớp đào tạo, tập huấn: chưa được nhập.' },
      { path: 'data.officials', message: 'Số cán bộ tham dự không được nhỏ hơn 0.' },
    ]);
    expect(res.json().error.message).toContain('Tên lớp đào tạo, tập huấn');
    const order = await health.post(URL, {
      kind: 'training',
      data: training('Tập huấn', '2026-03-10', { endDate: '2026-03-09' }),
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().error.issues[0]).toEqual({
      path: 'data.endDate',
      message: 'Ngày kết thúc không được trước ngày bắt đầu.',
    });
  });

  it('refuses an option not in the list, an unknown field, a producer not in the enterprise registry and a commune not valid', async () => {
    const res = await health.post(URL, {
      kind: 'communication',
      data: { title: 'Tin bài', form: 'poster', date: '2026-05-01', colour: 'xanh' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['data.colour', 'data.form']);
    expect(res.json().error.issues[1].message).toContain('Hình thức: "poster" không có trong danh sách');
    const code = validTaxCode(70_000);
    const product = await health.post(URL, {
      kind: 'bio_product',
      data: {
        name: 'Chế phẩm A',
        producer: code,
        wasteStreams: ['agri'],
        appliedOn: '2026-04-01',
        communes: [healthId],
      },
    });
    expect(product.statusCode).toBe(400);
    const messages = product.json().error.issues.map((i: { message: string }) => i.message);
    expect(messages[0]).toBe(
      `Nhà sản xuất (mã số thuế): không có doanh nghiệp mã số thuế ${code} trong sổ doanh nghiệp (thêm doanh nghiệp vào sổ trước).`,
    );
    expect(messages[1]).toContain('Xã/phường ứng dụng: không có xã, phường này');
    const bad = await health.post(URL, { kind: 'investment', data: { name: 'Dự án', investor: '0300588568' } });
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'data.investor' });
    expect(bad.json().error.issues[0].message).toContain('Nhà đầu tư (mã số thuế): Mã số thuế không hợp lệ');
    expect(await t.database.db.select().from(registryRecords).where(eq(registryRecords.kind, 'investment'))).toEqual(
      [],
    );
  });

  it('refuses a plan item key that is not in the plan in force', async () => {
    const res = await health.post(URL, {
      kind: 'policy',
      planItemKeys: ['IV.4', 'XX.9'],
      data: { number: '01/KH', date: '2026-02-01', issuer: 'UBND tỉnh', title: 'Kế hoạch', action: 'issued' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: 'planItemKeys' });
    expect(res.json().error.issues[0].message).toContain('XX.9');
  });
});

describe('permissions', () => {
  it('a unit creates for its unit, every role reads, another unit may not edit (403), the focal department may', async () => {
    const rec = await add(health, 'training', training('Tập huấn phân loại rác y tế', '2026-04-02'), {
      planItemKeys: ['IV.5'],
    });
    expect(rec.unit?.id).toBe(healthId);
    expect(rec.abilities.canEdit).toBe(true);
    expect(rec.planItems[0].key).toBe('IV.5');
    for (const reader of [finance, focal, leader]) {
      const res = await reader.get(`${URL}/${rec.id}`);
      expect(res.statusCode).toBe(200);
    }
    expect((await finance.get(`${URL}/${rec.id}`)).json().abilities.canEdit).toBe(false);
    const foreign = await finance.patch(`${URL}/${rec.id}`, {
      version: rec.version,
      data: { ...rec.data, place: 'X' },
    });
    expect(foreign.statusCode).toBe(403);
    const byLeader = await leader.post(URL, { kind: 'training', data: training('Lãnh đạo', '2026-04-02') });
    expect(byLeader.statusCode).toBe(403);
    const forOther = await health.post(URL, {
      kind: 'training',
      unitId: financeId,
      data: training('Cho đơn vị khác', '2026-04-02'),
    });
    expect(forOther.statusCode).toBe(403);
    const byFocal = await focal.patch(`${URL}/${rec.id}`, {
      version: rec.version,
      data: { ...rec.data, place: 'Hội trường Sở Y tế' },
    });
    expect(byFocal.statusCode).toBe(200);
    expect(byFocal.json().data.place).toBe('Hội trường Sở Y tế');
    const forFinance = await add(focal, 'training', training('Đầu mối nhập cho Sở Tài chính', '2026-04-03'), {
      unitId: financeId,
    });
    expect(forFinance.unit?.id).toBe(financeId);
    const anonymous = await t.app.inject({ method: 'GET', url: `${URL}?kind=training` });
    expect(anonymous.statusCode).toBe(401);
    const anonymousRecord = await t.app.inject({ method: 'GET', url: `${URL}/${rec.id}` });
    expect(anonymousRecord.statusCode).toBe(401);
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const rec = await add(health, 'policy', {
      number: '12/QĐ-UBND',
      date: '2026-03-01',
      issuer: 'UBND tỉnh',
      title: 'Quy định hỗ trợ',
      action: 'issued',
    });
    const ok = await health.patch(`${URL}/${rec.id}`, {
      version: rec.version,
      data: { ...rec.data, action: 'reviewed' },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await health.patch(`${URL}/${rec.id}`, {
      version: rec.version,
      data: { ...rec.data, title: 'Khác' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await health.get(`${URL}/${rec.id}`)).json().data.title).toBe('Quy định hỗ trợ');
  });
});

describe('history', () => {
  it('keeps who changed which field from what to what', async () => {
    const rec = await add(health, 'communication', {
      title: 'Phóng sự',
      form: 'broadcast',
      date: '2026-06-01',
      reach: 5000,
    });
    const changed = await health.patch(`${URL}/${rec.id}`, {
      version: rec.version,
      planItemKeys: ['III.4'],
      data: { ...rec.data, reach: 8000, channel: 'Đài PT-TH Vĩnh Long' },
    });
    const dto: RecordDto = changed.json();
    expect(dto.history.map((h) => h.action)).toEqual(['registry.create', 'registry.update']);
    expect(dto.history[0].changes.reach).toEqual({ from: null, to: 5000 });
    expect(dto.history[1].changes).toEqual({
      reach: { from: 5000, to: 8000 },
      channel: { from: null, to: 'Đài PT-TH Vĩnh Long' },
      planItemKeys: { from: [], to: ['III.4'] },
    });
    expect(dto.history[1].actor).toBe(health.user.email);
    const same = await health.patch(`${URL}/${rec.id}`, { version: dto.version, data: dto.data });
    expect(same.json().history).toHaveLength(2);
  });
});

describe('lists', () => {
  it('searches without diacritics and filters by unit and year', async () => {
    await add(finance, 'tech_transfer', {
      technology: 'Công nghệ ủ phân hữu cơ từ bã bùn mía',
      fromParty: 'Viện Môi trường',
      toParty: 'HTX Giao Long',
      transferDate: '2026-02-02',
      value: 150.5,
    });
    await add(health, 'tech_transfer', {
      technology: 'Lò đốt chất thải y tế',
      fromParty: 'Công ty A',
      toParty: 'Bệnh viện tỉnh',
      transferDate: '2025-07-01',
    });
    const found: RecordListResponse = (await leader.get(`${URL}?kind=tech_transfer&q=bun%20mia`)).json();
    expect(found.data.map((r) => r.title)).toEqual(['Công nghệ ủ phân hữu cơ từ bã bùn mía']);
    expect(found.data[0].data.value).toBe(150.5);
    const byUnit: RecordListResponse = (await leader.get(`${URL}?kind=tech_transfer&unitId=${healthId}`)).json();
    expect(byUnit.data.map((r) => r.unit?.id)).toEqual([healthId]);
    const byYear: RecordListResponse = (await leader.get(`${URL}?kind=tech_transfer&year=2025`)).json();
    expect(byYear.data.map((r) => r.title)).toEqual(['Lò đốt chất thải y tế']);
  });
});

describe('derivations', () => {
  const year = { from: '2030-01-01', to: '2030-12-31' };

  it('count records whose dates meet the window, both days included, per unit and once per identity for the province', async () => {
    await add(health, 'training', training('Lớp A', '2030-01-01')); // first day
    await add(health, 'training', training('Lớp B', '2030-12-31')); // last day
    await add(health, 'training', training('Lớp C', '2029-12-31')); // the day before
    await add(health, 'training', training('Lớp D', '2031-01-01')); // the day after
    await add(health, 'training', training('Lớp E', '2029-12-30', { endDate: '2030-01-02' })); // across the start
    // The same training, co-organised, reported by the other unit with a larger figure.
    await add(finance, 'training', training('Lớp  a', '2030-01-01', { residents: 40 }));
    const dt01 = derivationFor('DT-01', null)!;
    const dt03 = derivationFor('DT-03', null)!;
    const db = t.database.db;
    const units = await dt01.byUnit(db, year, [healthId, financeId]);
    expect(units.get(healthId)).toBe(3);
    expect(units.get(financeId)).toBe(1);
    expect(await dt01.province(db, year)).toBe(3);
    const people = await dt03.byUnit(db, year, [healthId, financeId]);
    expect(people.get(healthId)).toBe(105);
    expect(people.get(financeId)).toBe(55);
    // Lớp A counted once, with the larger figure (55): 55 + 35 + 35.
    expect(await dt03.province(db, year)).toBe(125);
    expect(dt01.method.vi).toContain('một lần');
    expect(dt01.recordsLink(year, healthId)).toBe(
      `/so-theo-doi/dao-tao?tu=2030-01-01&den=2030-12-31&don-vi=${healthId}`,
    );
  });

  it('place funding by its decision date or, without one, its year; investment by approval; products by waste stream', async () => {
    const db = t.database.db;
    await add(finance, 'funding', {
      source: 'provincial',
      amount: 1200,
      year: 2030,
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2030-12-31',
    });
    await add(health, 'funding', {
      source: 'provincial',
      amount: 1200,
      year: 2030,
      decisionNumber: '15/QĐ-UBND',
      decisionDate: '2030-12-31',
    });
    await add(finance, 'funding', { source: 'central', amount: 300, year: 2030 });
    await add(finance, 'funding', { source: 'central', amount: 999, year: 2031, decisionDate: '2031-01-01' });
    const kp = derivationFor('KP-01', null)!;
    expect((await kp.byUnit(db, year, [financeId])).get(financeId)).toBe(1500);
    expect(await kp.province(db, year)).toBe(1500);
    const investor = validTaxCode(80_000);
    await addEnterprise(finance, { taxCode: investor, name: 'Công ty Đầu tư Sinh học' });
    await add(finance, 'investment', {
      name: 'Nhà máy chế phẩm',
      investor,
      capital: 50_000,
      status: 'approved',
      approvedOn: '2030-06-01',
    });
    await add(finance, 'investment', { name: 'Dự án kêu gọi', investor, capital: 9_000, status: 'calling' });
    await add(finance, 'investment', {
      name: 'Nhà máy cũ',
      investor,
      capital: 7_000,
      status: 'operating',
      approvedOn: '2029-12-31',
    });
    expect(await derivationFor('DT-02', null)!.province(db, year)).toBe(50_000);
    await add(health, 'bio_product', {
      name: 'Men ủ rác',
      producer: investor,
      wasteStreams: ['domestic', 'agri'],
      appliedOn: '2030-03-01',
      communes: [giaoLong],
      volume: 12,
    });
    await add(finance, 'bio_product', {
      name: 'Men ủ rác',
      producer: investor,
      wasteStreams: ['domestic'],
      appliedOn: '2030-04-01',
    });
    expect(await derivationFor('SP-01', 'domestic')!.province(db, year)).toBe(1);
    expect(await derivationFor('SP-01', 'agri')!.province(db, year)).toBe(1);
    expect(await derivationFor('SP-01', 'medical')!.province(db, year)).toBe(0);
    expect((await derivationFor('SP-01', 'domestic')!.byUnit(db, year, [healthId, financeId])).size).toBe(2);

    const pub = await listPublicBioProducts(db, { q: 'men u', wasteStream: 'domestic' });
    expect(pub.page.total).toBe(1);
    expect(pub.data[0]).toMatchObject({
      name: 'Men ủ rác',
      producerName: 'Công ty Đầu tư Sinh học',
      wasteStreams: ['agri', 'domestic'],
      communes: ['Xã Giao Long'],
    });
    expect(Object.keys(pub.data[0]).sort()).toEqual(
      ['communes', 'id', 'name', 'producerName', 'registrationNumber', 'wasteStreams'].sort(),
    );
  });
});

describe('evidence files', () => {
  it('accepts a PDF by its content, refuses a text file named .pdf, and only the record’s editors add or remove', async () => {
    const rec = await add(health, 'policy', {
      number: '99/KH',
      date: '2026-03-03',
      issuer: 'Sở Y tế',
      title: 'Kế hoạch',
      action: 'issued',
    });
    const upload = (client: TestClient, name: string, body: Buffer, url = `${URL}/${rec.id}/attachments`) =>
      client.inject({ method: 'POST', url, ...multipartForm({}, [{ name, body, type: 'application/pdf' }]) });
    const ok = await upload(health, 'quyet-dinh.pdf', pdfBytes());
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: 'quyet-dinh.pdf', mimeType: 'application/pdf' });
    const fake = await upload(health, 'gia.pdf', Buffer.from('chỉ là văn bản, không phải PDF'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('PDF, DOCX, XLSX, JPEG, PNG');
    expect((await upload(finance, 'khac.pdf', pdfBytes())).statusCode).toBe(403);
    const file = await leader.get(`${URL}/${rec.id}/attachments/${ok.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdfBytes())).toBe(true);
    expect((await finance.delete(`${URL}/${rec.id}/attachments/${ok.json().id}`)).statusCode).toBe(403);
    expect((await health.delete(`${URL}/${rec.id}/attachments/${ok.json().id}`)).statusCode).toBe(204);
    const after: RecordDto = (await health.get(`${URL}/${rec.id}`)).json();
    expect(after.attachments).toEqual([]);
    expect(after.history.map((h) => h.action)).toEqual([
      'registry.create',
      'registry.attachment.add',
      'registry.attachment.delete',
    ]);
    expect(after.history[1].changes.attachments).toEqual({ from: null, to: 'quyet-dinh.pdf' });

    const firm = await addEnterprise(health, { taxCode: validTaxCode(90_000), name: 'Công ty Minh chứng' });
    const enterpriseUrl = `/api/v1/registries/enterprises/${firm.id}/attachments`;
    expect((await upload(health, 'giay-phep.pdf', pdfBytes(), enterpriseUrl)).statusCode).toBe(201);
    expect((await upload(finance, 'giay-phep.pdf', pdfBytes(), enterpriseUrl)).statusCode).toBe(403);
    const enterprise = (await leader.get(`/api/v1/registries/enterprises/${firm.id}`)).json();
    expect(enterprise.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['giay-phep.pdf']);
  });
});

describe('Excel', () => {
  const exported = async (client: TestClient, kind: string) => {
    const res = await client.get(`${URL}/export.xlsx?kind=${kind}&year=2026`);
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };
  const importFile = async (client: TestClient, kind: string, body: Buffer): Promise<RecordImportResponse> => {
    const form = multipartForm({}, [{ name: 'so.xlsx', body }]);
    const res = await client.inject({ method: 'POST', url: `${URL}/import.xlsx?kind=${kind}`, ...form });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const edit = async (body: Buffer, change: (ws: ExcelJS.Worksheet) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    change(wb.worksheets[0]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('re-importing the export changes nothing; refused cells are named and nothing is saved; new rows are created', async () => {
    const producer = validTaxCode(95_000);
    await addEnterprise(health, { taxCode: producer, name: 'Công ty Vi sinh' });
    await add(
      health,
      'bio_product',
      {
        name: 'Chế phẩm EM',
        producer,
        wasteStreams: ['agri', 'medical'],
        registrationNumber: 'TCCS 01:2026',
        appliedOn: '2026-05-20',
        communes: [giaoLong],
        volume: 2.5,
      },
      { planItemKeys: ['II-NV.1'] },
    );
    await add(finance, 'bio_product', {
      name: 'Men xử lý nước thải',
      wasteStreams: ['industrial'],
      appliedOn: '2026-06-01',
    });
    const file = await exported(health, 'bio_product');
    const before = await t.database.db.select().from(registryRecords).where(eq(registryRecords.kind, 'bio_product'));
    const audits = (await t.database.db.select().from(auditLog)).length;
    expect(await importFile(health, 'bio_product', file)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      problems: [],
    });
    expect(await t.database.db.select().from(registryRecords).where(eq(registryRecords.kind, 'bio_product'))).toEqual(
      before,
    );
    expect((await t.database.db.select().from(auditLog)).length).toBe(audits);

    // Headers: A id, B unit code, C unit name, D name, E producer, F streams, G registration, H applied on, I communes, J volume, K plan items.
    // The 2026 export: Sở Y tế's product (20/05) on row 2, Sở Tài chính's (01/06) on row 3.
    const broken = await edit(file, (ws) => {
      expect(ws.getCell('D2').value).toBe('Chế phẩm EM');
      ws.getCell('F2').value = 'Nông nghiệp, Hạt nhân';
      ws.getCell('H2').value = '31/02/2026';
      ws.getCell('D3').value = 'Đổi tên của đơn vị khác';
      ws.getCell('D4').value = 'Chế phẩm mới';
      ws.getCell('F4').value = 'Sinh hoạt';
      ws.getCell('H4').value = '01/07/2026';
      ws.getCell('I4').value = '99999';
    });
    const refused = await importFile(health, 'bio_product', broken);
    expect(refused.created + refused.updated).toBe(0);
    expect(refused.problems.every((p) => p.sheet === 'Chế phẩm, sản phẩm sinh học')).toBe(true);
    expect(refused.problems.map((p) => `${p.column}${p.row}`)).toEqual(['F2', 'H2', 'D3', 'I4']);
    expect(refused.problems.find((p) => p.column === 'F')?.message).toContain(
      'Dòng chất thải xử lý: "Nông nghiệp" không có trong danh sách',
    );
    expect(refused.problems.find((p) => p.column === 'H')?.message).toContain('Ngày ứng dụng: ngày không hợp lệ');
    expect(refused.problems.find((p) => p.column === 'I')?.message).toContain('99999');
    expect(refused.problems.find((p) => p.column === 'D')?.message).toContain('Bản ghi của đơn vị khác');
    expect(await t.database.db.select().from(registryRecords).where(eq(registryRecords.kind, 'bio_product'))).toEqual(
      before,
    );

    const added = await edit(file, (ws) => {
      ws.getCell('D4').value = 'Chế phẩm mới';
      ws.getCell('F4').value = 'Sinh hoạt';
      ws.getCell('H4').value = '01/07/2026';
      ws.getCell('I4').value = '28807';
      ws.getCell('J4').value = 3;
    });
    expect(await importFile(health, 'bio_product', added)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 2,
      problems: [],
    });
    const list: RecordListResponse = (await health.get(`${URL}?kind=bio_product&q=che%20pham%20moi`)).json();
    expect(list.data[0]).toMatchObject({ unit: { id: healthId }, data: { communes: [giaoLong], volume: 3 } });
    expect(await importFile(health, 'bio_product', await exported(health, 'bio_product'))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });
});
