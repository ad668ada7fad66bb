import { useTheme } from './use-theme';

const THEME_LABELS = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' } as const;

export function ThemeToggle() {
  const { theme, cycleTheme } = useTheme();
  return (
    <button type="button" className="btn" onClick={cycleTheme} title="Switch between system, light and dark">
      {THEME_LABELS[theme]}
    </button>
  );
}
