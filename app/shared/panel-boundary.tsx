import { Component, type ErrorInfo, type ReactNode } from 'react';

interface PanelBoundaryProps {
  readonly name: string;
  readonly children: ReactNode;
}

/** A failing panel shows its own error while the rest of the page keeps working. */
export class PanelBoundary extends Component<PanelBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('%s panel failed', this.props.name, error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="panel banner-error" role="alert">
          <strong>{this.props.name} could not be shown.</strong> {this.state.error.message}{' '}
          <button type="button" className="btn btn-small" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
