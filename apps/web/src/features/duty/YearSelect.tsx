import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const YEARS_BACK = 5;

/** This year and the five before it. */
export function YearSelect({ value, thisYear, onChange }: { value: number; thisYear: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(thisYear - i));
  return (
    <Select
      label={t('duty.year')}
      data={years}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={{ base: '100%', xs: 120 }}
    />
  );
}
