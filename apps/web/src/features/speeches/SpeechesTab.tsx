import { Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@xieshang/contracts';
import { hasPermission } from '@xieshang/domain';
import { isApiError } from '../../lib/api';
import { useSession } from '../auth/useSession';
import { ErrorState } from '../shell/ErrorState';
import { MySpeeches } from './MySpeeches';
import { OralOrderEditor } from './OralOrderEditor';
import { OralOrderList } from './OralOrderList';
import { SpeechReviewBoard } from './SpeechReviewBoard';
import { oralInOrder, useSpeeches } from './useSpeeches';

/** Once the meeting has ended or is cancelled the api refuses changes (MEETING_LOCKED). */
const WRITING_CLOSED = new Set<Meeting['state']>(['minutes', 'reported', 'closed', 'cancelled']);

/** Arranged speeches (交流发言) of one meeting: my speech, the office's review, the oral order. */
export function SpeechesTab({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const query = useSpeeches(meeting.id);
  const isReviewer = hasPermission(user, 'speeches.review');
  const isInvitee = meeting.myInvitationState !== null;

  if (query.isLoading) return <Loader size="sm" aria-label={t('common.loading')} />;
  // Speeches are for invitees and those who run the meeting; others get a plain sentence, not an error.
  if (isApiError(query.error) && query.error.code === 'FORBIDDEN') return <Text c="dimmed">{t('speeches.inviteesOnly')}</Text>;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const speeches = query.data ?? [];
  const oral = oralInOrder(speeches);
  const mine = speeches.filter((s) => s.authorId === user?.id);

  return (
    <Stack gap="xl">
      {isInvitee && <MySpeeches meetingId={meeting.id} mine={mine} canWrite={!WRITING_CLOSED.has(meeting.state)} />}
      {isReviewer ? (
        <>
          <OralOrderEditor meetingId={meeting.id} oral={oral} />
          <SpeechReviewBoard meetingId={meeting.id} speeches={speeches} />
        </>
      ) : (
        <OralOrderList oral={oral} />
      )}
    </Stack>
  );
}
