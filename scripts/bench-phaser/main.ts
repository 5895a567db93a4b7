// bench:web's yardstick: the least a page can do to show a Phaser 4 canvas (one scene, one shape, the map's own
// renderer: Canvas, see src/ui/scenes/mount.ts); its navigation → first render is what Start → table-ready on MONUSCO is compared with. After that it
// redraws its shape on every frame (a new position each time), so its frame times are the machine's floor for a
// Phaser page that redraws, measured in the same run as the map's.
import * as Phaser from 'phaser';

class Bare extends Phaser.Scene {
  private g: Phaser.GameObjects.Graphics | null = null;
  private n = 0;
  create(): void {
    this.g = this.add.graphics().fillStyle(0x1f5fa8, 1).fillRect(100, 100, 200, 120);
  }
  override update(): void {
    this.n = (this.n + 1) % 100;
    this.g
      ?.clear()
      .fillStyle(0x1f5fa8, 1)
      .fillRect(100 + this.n, 100, 200, 120);
  }
}

const game = new Phaser.Game({
  type: Phaser.CANVAS,
  parent: 'box',
  backgroundColor: '#f3eddf',
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Phaser.Scale.NONE, width: 800, height: 600 },
  scene: Bare,
});
game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark('phaser-first-render'));
