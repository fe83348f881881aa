import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../shell/ErrorState';
import { PageHeader } from '../shell/PageHeader';
import { TableFooter } from '../shell/TableFooter';
import { MemberFilters } from '../members/MemberFilters';
import { PAGE_SIZE, useMemberSearch } from '../members/useMemberSearch';
import { DirectoryTable } from './DirectoryTable';
import { MemberDrawer } from './MemberDrawer';

export function DirectoryPage() {
  const { t } = useTranslation();
  const search = useMemberSearch();
  const [params, setParams] = useSearchParams();
  const openId = params.get('member');
  const setOpen = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('member', id);
      else next.delete('member');
      return next;
    });
  const { data, error, isLoading, isFetching, refetch } = search.result;

  return (
    <>
      <PageHeader title={t('directory.title')} description={t('directory.description')} />
      <MemberFilters search={search} />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <DirectoryTable members={data?.items ?? []} loading={isLoading || isFetching} onOpen={setOpen} />
          <TableFooter total={data?.total ?? 0} page={search.page} pageSize={PAGE_SIZE} onPage={search.setPage} />
        </>
      )}
      <MemberDrawer memberId={openId} onClose={() => setOpen(null)} />
    </>
  );
}
