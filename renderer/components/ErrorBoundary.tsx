import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface CaughtError {
  error: unknown;
  /** React's component stack; null until componentDidCatch has it. */
  componentStack: string | null;
}

interface ErrorBoundaryProps {
  /** A new value clears a caught error, giving the children a fresh try (e.g. the route). */
  resetKey?: string;
  onError: (caught: CaughtError) => void;
  fallback: (caught: CaughtError) => ReactNode;
  children: ReactNode;
}

interface ErrorBoundaryState {
  caught: CaughtError | null;
  resetKey: string | undefined;
}

/** React catches render errors only in a class with these two lifecycle methods. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { caught: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { caught: { error, componentStack: null } };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { caught: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const caught = { error, componentStack: info.componentStack ?? null };
    this.setState({ caught });
    this.props.onError(caught);
  }

  override render(): ReactNode {
    return this.state.caught === null
      ? this.props.children
      : this.props.fallback(this.state.caught);
  }
}
