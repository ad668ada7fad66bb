import type { ReactNode } from 'react';

interface AppHeaderProps {
  readonly isDemo: boolean;
  readonly actions: ReactNode;
  /** What is being read, if anything (see ReadingStatus). */
  readonly status?: ReactNode;
}

export function AppHeader({ isDemo, actions, status = null }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <img src="/favicon.svg" alt="" />
        <div>
          <h1>Quotalens</h1>
          <div className="tagline">Z.ai / GLM API errors, rate limits and quota resets, read from your logs</div>
        </div>
        {isDemo ? <span className="pill pill-demo">Demo data</span> : null}
      </div>
      {status}
      <div className="header-actions">{actions}</div>
    </header>
  );
}
