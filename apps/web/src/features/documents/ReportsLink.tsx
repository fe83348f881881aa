import { Button } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a topic's page: its consultation reports and recommendations (the list, filtered, where one can be created). */
export function ReportsLink({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  return (
    <Button component={Link} to={`/documents?topicId=${topicId}`} variant="light" leftSection={<IconFileText size={16} aria-hidden />}>
      {t('documents.entry.report')}
    </Button>
  );
}
