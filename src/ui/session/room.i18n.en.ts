// English strings of the room's screens: the connection's state, the game's length, the teams' comparison and the
// printable workshop pack.
export const roomEn = {
  'conn.reconnecting':
    'Reconnecting… The server cannot be reached. What you do is kept and sent when it is back; clocks stand still meanwhile.',
  'conn.back': 'Connected again.',
} as const;
