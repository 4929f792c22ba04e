import type { ReportDto, ReportSection, SaveReportRequest } from '../../../shared/contracts/reporting';
import { fieldsOf, valuesOf, type FieldValues } from './fields';

/** The narrative parts of each plan section, by plan item id. */
export type Sections = Record<string, Omit<ReportSection, 'planItemId'>>;

/** What the unit is editing: the indicator fields and the narratives. */
export interface Draft {
  fields: FieldValues;
  sections: Sections;
  otherResults: string;
  proposalsToCommittee: string;
}

const EMPTY_SECTION = { results: '', difficulties: '', proposals: '' };

/** The editable draft of a report as the server gave it. */
export function draftOf(report: ReportDto): Draft {
  const sections: Sections = {};
  for (const section of report.form.sections) sections[section.planItemId] = { ...EMPTY_SECTION };
  for (const section of report.sections)
    sections[section.planItemId] = {
      results: section.results,
      difficulties: section.difficulties,
      proposals: section.proposals,
    };
  return {
    fields: fieldsOf(report.values),
    sections,
    otherResults: report.otherResults,
    proposalsToCommittee: report.proposalsToCommittee,
  };
}

/** The save request for a draft, every section of the form included. */
export function payloadOf(report: ReportDto, draft: Draft, version: number): SaveReportRequest {
  return {
    version,
    values: valuesOf(report.form.indicators, draft.fields),
    sections: report.form.sections.map((section) => ({
      planItemId: section.planItemId,
      ...(draft.sections[section.planItemId] ?? EMPTY_SECTION),
    })),
    otherResults: draft.otherResults,
    proposalsToCommittee: draft.proposalsToCommittee,
  };
}
