import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SpeechState } from '@xieshang/contracts';

export const SPEECH_STATE_COLOR: Record<SpeechState, string> = {
  draft: 'gray',
  submitted: 'blue',
  in_review: 'indigo',
  oral: 'green',
  written_only: 'teal',
  needs_revision: 'orange',
  diverted: 'grape',
};

export function SpeechStateBadge({ state }: { state: SpeechState }) {
  const { t } = useTranslation();
  return (
    <Badge color={SPEECH_STATE_COLOR[state]} variant="light" style={{ whiteSpace: 'nowrap' }}>
      {t(`speeches.state.${state}`)}
    </Badge>
  );
}
