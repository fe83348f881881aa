import { useState } from 'react';
import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OUTCOME_CATEGORIES, type OutcomeCategory, type PublicOutcome } from '@xieshang/contracts';
import { errorText } from '../../lib/errors';
import { PublicShell } from '../topics/PublicShell';
import { recentYears } from './OutcomeFilters';
import { PublicOutcomeCard } from './PublicOutcomeCard';
import { usePublicOutcomes } from './outcomeQueries';

const PAGE_SIZE = 20;

/**
 * 协商成果办理公开 — no login, phone first: the outcomes the office published, their progress and the
 * departments' answers. The api leaves out internal comments, names of staff and attachments.
 */
export function PublicAccountabilityPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>();
  const [category, setCategory] = useState<OutcomeCategory | undefined>();
  const [pages, setPages] = useState(1);
  const list = usePublicOutcomes({ year, category, page: 1, pageSize: Math.min(200, PAGE_SIZE * pages) });
  const items: PublicOutcome[] = list.data?.items ?? [];
  const more = !!list.data && list.data.total > items.length;

  return (
    <PublicShell>
      <Stack>
        <div>
          <Title order={1} size="h2">{t('outcomes.public.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>{t('outcomes.public.description')}</Text>
        </div>
        <Group gap="sm" role="search" aria-label={t('outcomes.public.filters')}>
          <Select
            aria-label={t('outcomes.list.year')}
            placeholder={t('outcomes.list.allYears')}
            data={recentYears(new Date().getFullYear())}
            value={year ? String(year) : null}
            onChange={(v) => { setYear(v ? Number(v) : undefined); setPages(1); }}
            clearable
            w={130}
          />
          <Select
            aria-label={t('outcomes.create.category')}
            placeholder={t('outcomes.public.allCategories')}
            data={OUTCOME_CATEGORIES.map((c) => ({ value: c, label: t(`outcomes.category.${c}`) }))}
            value={category ?? null}
            onChange={(v) => { setCategory((v ?? undefined) as OutcomeCategory | undefined); setPages(1); }}
            clearable
            w={150}
          />
          {list.data && <Text size="sm" c="dimmed" aria-live="polite">{t('outcomes.public.count', { count: list.data.total })}</Text>}
        </Group>
        {list.isError && <Alert color="red" role="alert">{errorText(t, list.error)}</Alert>}
        {list.isSuccess && items.length === 0 && <Text c="dimmed" ta="center" py="lg">{t('outcomes.public.empty')}</Text>}
        {items.map((o) => <PublicOutcomeCard key={o.id} outcome={o} />)}
        {more && (
          <Button variant="default" onClick={() => setPages((p) => p + 1)} loading={list.isFetching}>
            {t('outcomes.public.more')}
          </Button>
        )}
      </Stack>
    </PublicShell>
  );
}
