// Text that saves as you type (a 1:1's notes), without ever losing a keystroke:
// - one save at a time: a save waits for the one before it, so an older text can never
//   land after a newer one;
// - what counts as saved is the text that was sent, not the text in the box when the
//   answer came back: what was typed meanwhile is still to save, and is saved next;
// - `flush()` saves what is left and waits for it: screens call it when they go away,
//   and the shell calls `flushAll()` before the window closes.
// Each text has a key (the meeting's id), so a save still goes to the meeting it was
// typed for after the screen has moved on to another one.

export type Save<K> = (key: K, text: string) => Promise<void>;

export type AutosaveOptions = {
  /** How long typing must pause before a save starts, in ms. */
  delay?: number;
  /** A save failed: the text stays unsaved and is tried again on the next keystroke or flush. */
  onError?: (error: unknown) => void;
  /** Everything typed so far is stored. */
  onSaved?: () => void;
};

const open = new Set<Autosave<unknown>>();

/** Saves every text still waiting, in every autosave, and waits for them. */
export async function flushAll(): Promise<void> {
  await Promise.all([...open].map((a) => a.flush()));
}

export class Autosave<K> {
  #save: Save<K>;
  #options: AutosaveOptions;
  /** The newest text typed, by key. */
  #typed = new Map<K, string>();
  /** The text the store holds, as loaded or as last sent and confirmed. */
  #stored = new Map<K, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | null = null;

  constructor(save: Save<K>, options: AutosaveOptions = {}) {
    this.#save = save;
    this.#options = options;
    open.add(this as Autosave<unknown>);
  }

  /**
   * The text to show for `key` now that the store says it holds `stored`: what was typed
   * and not yet saved wins, since the store cannot know it yet.
   */
  shown(key: K, stored: string): string {
    if (this.unsaved(key)) return this.#typed.get(key)!;
    this.#stored.set(key, stored);
    this.#typed.delete(key);
    return stored;
  }

  /** True while something typed for `key` (or, with no key, for any) is not stored yet. */
  unsaved(key?: K): boolean {
    const keys = key === undefined ? [...this.#typed.keys()] : [key];
    return keys.some((k) => this.#typed.has(k) && this.#typed.get(k) !== this.#stored.get(k));
  }

  /** A keystroke: remembers the text and saves it once typing pauses. */
  typed(key: K, text: string): void {
    this.#typed.set(key, text);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#start(), this.#options.delay ?? 800);
  }

  /** Saves whatever is unsaved now (after the save in flight, if any) and waits for it. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // A save that fails ends the round; flushing once more tries again, once.
    await this.#start();
    if (this.unsaved()) await this.#start();
  }

  /** Flushes and stops listening for `flushAll`; for a screen going away. */
  async close(): Promise<void> {
    await this.flush();
    open.delete(this as Autosave<unknown>);
  }

  #start(): Promise<void> {
    this.#running ??= this.#run().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Saves, one after another, until nothing typed is unsaved or a save fails. */
  async #run(): Promise<void> {
    for (;;) {
      const key = [...this.#typed.keys()].find((k) => this.unsaved(k));
      if (key === undefined) break;
      const text = this.#typed.get(key)!;
      try {
        await this.#save(key, text);
      } catch (e) {
        this.#options.onError?.(e);
        return;
      }
      this.#stored.set(key, text);
    }
    this.#options.onSaved?.();
  }
}
