import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function TableFooter({ total, page, pageSize, onPage }: { total: number; page: number; pageSize: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">{t('common.totalCount', { count: total })}</Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
        />
      )}
    </Group>
  );
}
