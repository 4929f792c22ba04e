import { Alert, createTheme, FileInput, Modal, MultiSelect, Notification, Select } from '@mantine/core';
import { DateInput, DatePickerInput } from '@mantine/dates';
import type { TFunction } from 'i18next';
import { parseVietnameseDate } from '../shared/format';

// A deep green: every shade used for text or filled buttons stays above WCAG AA contrast.
const bio = [
  '#e6f4ee',
  '#cce8dc',
  '#9fd3bd',
  '#6fbd9b',
  '#45a67d',
  '#2b8c65',
  '#1d7352',
  '#155f44',
  '#0f4f38',
  '#0a402d',
] as const;

/**
 * The app's Mantine theme. Icon-only buttons Mantine draws itself (a dialog's or toast's close
 * button, a field's clear button) get their accessible names here, in the current language
 * (axe: button-name), so no page has to name them again. Built anew when the language changes.
 */
export function appTheme(t: TFunction) {
  const close = { 'aria-label': t('common.close') };
  const clear = { 'aria-label': t('common.clear') };
  // The calendar's previous/next and level buttons are icons: name them (axe: button-name).
  const calendar = {
    previousMonth: t('common.previousMonth'),
    nextMonth: t('common.nextMonth'),
    previousYear: t('common.previousYear'),
    nextYear: t('common.nextYear'),
    previousDecade: t('common.previousDecade'),
    nextDecade: t('common.nextDecade'),
    monthLevelControl: t('common.chooseMonth'),
    yearLevelControl: t('common.chooseYear'),
  };
  return createTheme({
    colors: { bio: [...bio] },
    primaryColor: 'bio',
    primaryShade: 7,
    // People who ask their system for less motion get no transitions (WCAG 2.3.3).
    respectReducedMotion: true,
    fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: close } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: close } }),
      Alert: Alert.extend({ defaultProps: { closeButtonLabel: t('common.close') } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: clear } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: clear } }),
      FileInput: FileInput.extend({ defaultProps: { clearButtonProps: clear } }),
      // Every typed date reads as day/month/year (or ISO); anything else is no date, never a crash.
      DateInput: DateInput.extend({
        defaultProps: {
          ariaLabels: calendar,
          clearButtonProps: clear,
          valueFormat: 'DD/MM/YYYY',
          dateParser: parseVietnameseDate,
        },
      }),
      DatePickerInput: DatePickerInput.extend({ defaultProps: { ariaLabels: calendar, clearButtonProps: clear } }),
    },
  });
}
