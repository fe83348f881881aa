/** A tiny typed event emitter (no Node `events` in browsers). */
export class Emitter<Events extends { [K in keyof Events]: (...args: never[]) => void }> {
  private handlers = new Map<keyof Events, Set<Events[keyof Events]>>();

  on<K extends keyof Events>(event: K, handler: Events[K]): this {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
    return this;
  }

  off<K extends keyof Events>(event: K, handler: Events[K]): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  protected emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    for (const h of [...(this.handlers.get(event) ?? [])]) {
      try {
        (h as (...a: Parameters<Events[K]>) => void)(...args);
      } catch (e) {
        // one failing listener must not stop the others, nor the sync
        console.error(e);
      }
    }
  }

  protected clearListeners(): void {
    this.handlers.clear();
  }
}
