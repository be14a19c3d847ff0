import { Component, createRef, type ComponentClass, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import stylesheet from './panels/segqc.css';

const STYLE_ELEMENT_ID = 'segqc-stylesheet';

function installStylesheet(): void {
  if (document.getElementById(STYLE_ELEMENT_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ELEMENT_ID;
  style.textContent = stylesheet;
  document.head.appendChild(style);
}

/**
 * The island pattern: the host's React sees a class component (no hooks, so no clash between two
 * React copies); it mounts SegQC's own React 18 root in its div, where hooks work as usual.
 */
export function makeIsland<P extends object>(Inner: ComponentType<P>, props: P): ComponentClass {
  return class SegqcIsland extends Component {
    private readonly container = createRef<HTMLDivElement>();
    private root: Root | null = null;

    override componentDidMount() {
      installStylesheet();
      if (!this.container.current) return;
      this.root = createRoot(this.container.current);
      this.root.render(<Inner {...props} />);
    }

    override componentWillUnmount() {
      const root = this.root;
      this.root = null;
      // Unmounting a root synchronously while the host is rendering warns; defer it.
      queueMicrotask(() => root?.unmount());
    }

    override render() {
      return <div ref={this.container} className="segqc-island" style={{ height: '100%', overflow: 'auto' }} />;
    }
  };
}
