// Optional sound: short, quiet cues synthesised with the Web Audio API (no files), off by default and remembered.
// No AudioContext exists until the player turns sound on: browsers refuse to start one before a gesture, with a warning.
import { h } from './dom.js';
import { t } from './i18n/index.js';
import type { Cue } from './sound-cues.js';

export { cueState, cuesFor, type Cue, type CueState } from './sound-cues.js';

const KEY = 'mandate.sound';
/** Loud enough to notice in a quiet room, never above speech. */
const PEAK = 0.06;

interface Note {
  readonly at: number;
  readonly freq: number;
  readonly dur: number;
  readonly wave: OscillatorType;
}
const CUES: Record<Cue, readonly Note[]> = {
  // one soft tone: the table asks for something new
  phase: [{ at: 0, freq: 660, dur: 0.12, wave: 'sine' }],
  // a rising fifth: the month is done
  resolved: [
    { at: 0, freq: 523.25, dur: 0.18, wave: 'sine' },
    { at: 0.13, freq: 783.99, dur: 0.32, wave: 'sine' },
  ],
  // two low pulses: something needs attention
  warning: [
    { at: 0, freq: 392, dur: 0.13, wave: 'triangle' },
    { at: 0.2, freq: 392, dur: 0.13, wave: 'triangle' },
  ],
};

let on = readSetting();
let audio: AudioContext | null = null;

function readSetting(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function soundOn(): boolean {
  return on;
}

/** Turns sound on or off and remembers it; turning it on (a click: a user gesture) is what creates the AudioContext. */
export function setSound(value: boolean): void {
  on = value;
  try {
    localStorage.setItem(KEY, value ? 'on' : 'off');
  } catch {
    // not remembered, still applied
  }
  if (value) context(true);
  else void audio?.suspend();
}

/** The AudioContext, made only once the page has had a gesture (remembered "on" after a reload waits for one). */
function context(gesture: boolean): AudioContext | null {
  if (!audio) {
    const activated =
      gesture ||
      (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive === true;
    const Ctor = typeof AudioContext === 'function' ? AudioContext : null;
    if (!activated || !Ctor) return null;
    audio = new Ctor();
  }
  if (audio.state === 'suspended') void audio.resume();
  return audio;
}

/** Plays cues one after the other; nothing when sound is off. */
export function play(cues: readonly Cue[]): void {
  if (!on || cues.length === 0) return;
  const ctx = context(false);
  if (!ctx) return;
  let start = ctx.currentTime + 0.02;
  for (const cue of cues) {
    const notes = CUES[cue];
    for (const n of notes) tone(ctx, start + n.at, n);
    start += Math.max(...notes.map((n) => n.at + n.dur)) + 0.12;
  }
}

function tone(ctx: AudioContext, at: number, n: Note): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = n.wave;
  osc.frequency.setValueAtTime(n.freq, at);
  // a quick rise and an exponential fall: no clicks at either end
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(PEAK, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + n.dur);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + n.dur + 0.03);
}

/** The header's "Sound: off/on" toggle; turning it on plays a cue, so the player hears how loud it is. */
export function soundToggle(): HTMLButtonElement {
  const button = h('button', { type: 'button', 'data-key': 'sound' });
  const show = () => {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = t(on ? 'sound.on' : 'sound.off');
  };
  button.addEventListener('click', () => {
    setSound(!on);
    show();
    play(['phase']);
  });
  show();
  return button;
}
