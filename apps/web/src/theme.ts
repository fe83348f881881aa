import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A restrained deep red (政协 red); shade 7 is #b3261e, white text on it passes WCAG AA. */
const brand: MantineColorsTuple = ['#fdeceb', '#f8d5d2', '#f0a9a3', '#e87b72', '#e0554a', '#d83c30', '#c93126', '#b3261e', '#9c1f18', '#861812'];

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const theme = createTheme({
  colors: { brand },
  primaryColor: 'brand',
  primaryShade: 7,
  fontFamily,
  headings: { fontFamily, fontWeight: '600' },
  defaultRadius: 'md',
  focusRing: 'auto',
});
