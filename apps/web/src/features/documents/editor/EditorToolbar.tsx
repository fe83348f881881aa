import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { ActionIcon, Button, Divider, Group, Popover, Stack, TextInput, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconColumnInsertRight,
  IconColumnRemove,
  IconH1,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconLinkOff,
  IconList,
  IconListNumbers,
  IconPilcrow,
  IconRowInsertBottom,
  IconRowRemove,
  IconTableOff,
  IconTablePlus,
  IconUnderline,
} from '@tabler/icons-react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '@xieshang/editor-schema';

interface ToolState {
  paragraph: boolean;
  h1: boolean;
  h2: boolean;
  h3: boolean;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  inTable: boolean;
}

function toolState(editor: Editor): ToolState {
  return {
    paragraph: editor.isActive('paragraph'),
    h1: editor.isActive('heading', { level: 1 }),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    link: editor.isActive('link'),
    inTable: editor.isActive('table'),
  };
}

/** One toolbar button: an icon with its name as the accessible label and tooltip; pressed state for toggles. */
function Tool({ label, active, disabled, onClick, children }: { label: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label={label} withArrow openDelay={400}>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        color={active ? 'blue' : 'gray'}
        size="lg"
        aria-label={label}
        aria-pressed={active === undefined ? undefined : active}
        disabled={disabled}
        // Keep the editor's selection: a mousedown on the button would otherwise blur the text.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Arrow keys, Home and End move between the toolbar's buttons (the ARIA toolbar pattern). */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
  if (step === undefined && e.key !== 'Home' && e.key !== 'End') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  if (buttons.length === 0) return;
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (at + (step ?? 0) + buttons.length) % buttons.length;
  e.preventDefault();
  buttons[next].focus();
}

/** Formatting for editors: block types, marks, lists, tables, links, and the collaborative undo. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const s = useEditorState({ editor, selector: ({ editor: e }) => toolState(e) });
  const chain = () => editor.chain().focus();
  const icon = { size: 18, 'aria-hidden': true } as const;
  return (
    // One row that scrolls sideways on a phone, rather than three rows of buttons above the text.
    <Group gap={4} role="toolbar" aria-label={t('documents.toolbar.label')} wrap="nowrap" py={4} style={{ overflowX: 'auto', flex: '1 1 0', minWidth: 0 }}
      onKeyDown={moveFocus}>
      <Tool label={t('documents.toolbar.undo')} onClick={() => chain().undo().run()}><IconArrowBackUp {...icon} /></Tool>
      <Tool label={t('documents.toolbar.redo')} onClick={() => chain().redo().run()}><IconArrowForwardUp {...icon} /></Tool>
      <Divider orientation="vertical" />
      <Tool label={t('documents.toolbar.paragraph')} active={s.paragraph} onClick={() => chain().setParagraph().run()}><IconPilcrow {...icon} /></Tool>
      <Tool label={t('documents.toolbar.heading1')} active={s.h1} onClick={() => chain().toggleHeading({ level: 1 }).run()}><IconH1 {...icon} /></Tool>
      <Tool label={t('documents.toolbar.heading2')} active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}><IconH2 {...icon} /></Tool>
      <Tool label={t('documents.toolbar.heading3')} active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}><IconH3 {...icon} /></Tool>
      <Divider orientation="vertical" />
      <Tool label={t('documents.toolbar.bold')} active={s.bold} onClick={() => chain().toggleBold().run()}><IconBold {...icon} /></Tool>
      <Tool label={t('documents.toolbar.italic')} active={s.italic} onClick={() => chain().toggleItalic().run()}><IconItalic {...icon} /></Tool>
      <Tool label={t('documents.toolbar.underline')} active={s.underline} onClick={() => chain().toggleUnderline().run()}><IconUnderline {...icon} /></Tool>
      <Divider orientation="vertical" />
      <Tool label={t('documents.toolbar.bulletList')} active={s.bulletList} onClick={() => chain().toggleBulletList().run()}><IconList {...icon} /></Tool>
      <Tool label={t('documents.toolbar.orderedList')} active={s.orderedList} onClick={() => chain().toggleOrderedList().run()}><IconListNumbers {...icon} /></Tool>
      <Divider orientation="vertical" />
      <Tool label={t('documents.toolbar.insertTable')} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}><IconTablePlus {...icon} /></Tool>
      <Tool label={t('documents.toolbar.addRow')} disabled={!s.inTable} onClick={() => chain().addRowAfter().run()}><IconRowInsertBottom {...icon} /></Tool>
      <Tool label={t('documents.toolbar.addColumn')} disabled={!s.inTable} onClick={() => chain().addColumnAfter().run()}><IconColumnInsertRight {...icon} /></Tool>
      <Tool label={t('documents.toolbar.deleteRow')} disabled={!s.inTable} onClick={() => chain().deleteRow().run()}><IconRowRemove {...icon} /></Tool>
      <Tool label={t('documents.toolbar.deleteColumn')} disabled={!s.inTable} onClick={() => chain().deleteColumn().run()}><IconColumnRemove {...icon} /></Tool>
      <Tool label={t('documents.toolbar.deleteTable')} disabled={!s.inTable} onClick={() => chain().deleteTable().run()}><IconTableOff {...icon} /></Tool>
      <Divider orientation="vertical" />
      <LinkTool editor={editor} active={s.link} />
    </Group>
  );
}

function LinkTool({ editor, active }: { editor: Editor; active: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [href, setHref] = useState('');
  const normalized = safeHref(href.includes(':') ? href : `https://${href}`);
  const open = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? '');
    setOpened(true);
  };
  const apply = () => {
    if (!normalized) return;
    editor.chain().focus().extendMarkRange('link').setLink({ href: normalized }).run();
    setOpened(false);
  };
  return (
    <>
      <Popover opened={opened} onChange={setOpened} trapFocus withArrow position="bottom">
        <Popover.Target>
          <ActionIcon variant={active ? 'filled' : 'subtle'} color={active ? 'blue' : 'gray'} size="lg" aria-label={t('documents.toolbar.link')} aria-pressed={active}
            onMouseDown={(e) => e.preventDefault()} onClick={open}>
            <IconLink size={18} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={(e) => { e.preventDefault(); apply(); }}>
            <Stack gap="xs" w={280}>
              <TextInput label={t('documents.toolbar.linkUrl')} placeholder="https://" value={href} onChange={(e) => setHref(e.currentTarget.value)}
                error={href && !normalized ? t('documents.toolbar.linkInvalid') : undefined} data-autofocus />
              <Group justify="flex-end" gap="xs">
                <Button size="xs" variant="default" onClick={() => setOpened(false)}>{t('common.cancel')}</Button>
                <Button size="xs" type="submit" disabled={!normalized}>{t('documents.toolbar.linkApply')}</Button>
              </Group>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
      {active && (
        <Tool label={t('documents.toolbar.unlink')} onClick={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}><IconLinkOff size={18} aria-hidden /></Tool>
      )}
    </>
  );
}
