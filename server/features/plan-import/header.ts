import type { ParsedHeader, ParseWarning } from './parse-types.js';
import { foldSame, isUpperLine, type Para } from './source-text.js';

const pad = (n: number) => String(n).padStart(2, '0');

export const HEADER_START =
  /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|BỘ |SỞ )/u;
const MOTTO = /^(CỘNG HÒA|CỘNG HOÀ|Độc lập\s*-|ĐỘC LẬP\s*-)/u;
const SEPARATOR = /^[-_=–—.*\s]{3,}$/u;
const NUMBER = /^Số\s*:?\s*(\d+)\s*\/\s*([\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)/u;
const PLACE_DATE = /^(.+?),\s*ngày\s+(\d{1,2})\s*(?:tháng\s+|\/)(\d{1,2})\s*(?:năm\s+|\/)(\d{4})/u;
const DOC_TYPE = /^(KẾ HOẠCH|QUYẾT ĐỊNH)\s*$/u;

/** Reads "Số: 223/KH- UBND" as "223/KH-UBND". */
export function readNumber(text: string): string | null {
  const m = NUMBER.exec(text);
  return m ? `${m[1]}/${m[2].replace(/\s+/g, '')}` : null;
}

export function readPlaceDate(text: string): { place: string; date: string } | null {
  const m = PLACE_DATE.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  return { place: m[1].trim(), date: `${year}-${pad(month)}-${pad(day)}` };
}

/**
 * Gives an upper-case title its cases back: the words as the document writes them elsewhere
 * (the preamble usually repeats the title), else a sentence with place names capitalised.
 */
export function caseTitle(upper: string, prefix: string, body: string[]): { title: string; guessed: boolean } {
  const wanted = foldSame(`${prefix} ${upper}`).replace(/\s+/g, ' ');
  for (const text of body) {
    const folded = foldSame(text).replace(/\s+/g, ' ');
    const at = folded.indexOf(wanted);
    if (at >= 0 && folded.length === text.length) return { title: text.slice(at, at + wanted.length), guessed: false };
  }
  const lower = upper.toLocaleLowerCase('vi');
  const cased = lower.replace(
    /(tỉnh|huyện|thành phố|xã|phường)\s+((?:\p{L}+\s*){1,2}?)(?=\s+(?:đến|giai|năm|trong|về|và|theo)\b|$)/gu,
    (_m, kind: string, name: string) =>
      `${kind} ${name.replace(/(^|\s)(\p{L})/gu, (_x, sp: string, ch: string) => sp + ch.toLocaleUpperCase('vi'))}`,
  );
  return { title: `${prefix} ${cased}`, guessed: true };
}

export interface HeaderRead {
  header: ParsedHeader;
  /** Index of the first paragraph after the title. */
  next: number;
  headerParas: number[];
  boilerParas: number[];
}

/** Reads the header block from `start`: issuing body, motto, number, place and date, type and title. */
export function readHeader(paras: Para[], start: number, warnings: ParseWarning[]): HeaderRead {
  const issuer: string[] = [];
  const headerParas: number[] = [];
  const boilerParas: number[] = [];
  let number = '';
  let placeDate: { place: string; date: string } | null = null;
  let docType: ParsedHeader['docType'] | null = null;
  let i = start;
  for (; i < paras.length && i < start + 16; i += 1) {
    const text = paras[i].text;
    if (SEPARATOR.test(text)) boilerParas.push(i);
    else if (MOTTO.test(text)) headerParas.push(i);
    else if (readNumber(text)) {
      number = readNumber(text)!;
      headerParas.push(i);
    } else if (readPlaceDate(text)) {
      placeDate = readPlaceDate(text);
      headerParas.push(i);
    } else if (DOC_TYPE.test(text)) {
      docType = foldSame(text).startsWith('quyet') ? 'quyet_dinh' : 'ke_hoach';
      headerParas.push(i);
      i += 1;
      break;
    } else if (isUpperLine(text)) {
      issuer.push(text);
      headerParas.push(i);
    } else break;
  }
  const title: string[] = [];
  for (; i < paras.length; i += 1) {
    const text = paras[i].text;
    if (SEPARATOR.test(text)) boilerParas.push(i);
    else if (isUpperLine(text) && !/^[IVXL]+\./.test(text)) title.push(text);
    else if (
      /^(Về việc|V\/v|Về |Triển khai|Thực hiện|Ban hành)/u.test(text) &&
      title.length <= 3 &&
      !text.startsWith('Căn cứ')
    ) {
      title.push(text);
    } else break;
    headerParas.push(i);
  }
  let [issuerParent, issuerName] = issuer;
  if (issuer.length === 1) {
    const m = /^(.*?NHÂN DÂN)\s+(.+)$/u.exec(issuer[0]);
    [issuerParent, issuerName] = m ? [m[1], m[2]] : [issuer[0], ''];
  }
  const missing = [
    !number && 'số hiệu',
    !placeDate && 'địa danh, ngày ban hành',
    !docType && 'loại văn bản',
    title.length === 0 && 'trích yếu',
  ].filter(Boolean);
  if (missing.length > 0) {
    warnings.push({
      code: 'HEADER_MISSING',
      line: paras[start]?.lines[0],
      vi: `Không đọc được ${missing.join(', ')} ở phần đầu văn bản — hãy nhập bổ sung`,
      en: `Could not read the header's ${missing.length} missing part(s) — please fill them in`,
    });
  }
  return {
    header: {
      issuerParent: issuerParent ?? '',
      issuer: issuerName ?? '',
      number,
      place: placeDate?.place ?? '',
      date: placeDate?.date ?? '',
      docType: docType ?? 'ke_hoach',
      title: title.join(' '),
    },
    next: i,
    headerParas,
    boilerParas,
  };
}
