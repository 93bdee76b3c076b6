// Catches an error thrown while drawing and hands it to the caller, drawing nothing: the error is
// reported in one line after the terminal is restored, never as a stack trace on the screen.
import { Component, type ReactNode } from "react";

type Props = { onError: (error: unknown) => void; children: ReactNode };

export class Boundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
