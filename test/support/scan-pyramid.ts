/** A 6000x8000 scan and the pyramid the deriver makes of it: the geometry the planning tests share. */
export const SCAN_PYRAMID = {
  width: 6000,
  height: 8000,
  tileSize: 512,
  levels: [
    { width: 6000, height: 8000 },
    { width: 3000, height: 4000 },
    { width: 1500, height: 2000 },
    { width: 750, height: 1000 },
    { width: 375, height: 500 },
  ],
};
