import { Code, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CoreRoutes } from '@xieshang/contracts';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, i18n: { language } } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, isLoading, isFetching, refetch } = useQuery({
    queryKey: ['audit', page],
    queryFn: ({ signal }) => api(CoreRoutes.listAudit, { query: { page, pageSize: PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });
  // Actions are open-ended (features add their own); unknown ones show as sent.
  const label = (prefix: string, v: string) => (i18n.exists(`${prefix}.${v}`) ? t(`${prefix}.${v}`) : v);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-busy={isLoading || isFetching} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit.time')}</Table.Th>
                  <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                  <Table.Th scope="col">{t('audit.action')}</Table.Th>
                  <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}><Text c="dimmed" ta="center" py="md">{t('audit.empty')}</Text></Table.Td>
                  </Table.Tr>
                )}
                {data?.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}><time dateTime={e.at}>{time.format(new Date(e.at))}</time></Table.Td>
                    <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
                    <Table.Td>{label('audit.actions', e.action)}</Table.Td>
                    <Table.Td>
                      {label('audit.entities', e.entity)}
                      {e.entityId && <Code ml={6} fz="xs">{e.entityId.slice(0, 8)}</Code>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TableFooter
            total={data?.total ?? 0}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={(p) => setParams(p === 1 ? {} : { page: String(p) })}
          />
        </>
      )}
    </>
  );
}
