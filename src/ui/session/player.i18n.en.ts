// English strings of a session's player page: the table's session line, and the server's refusals a player can meet.
export const playerEn = {
  'player.team': 'Team {team}',
  'player.freed': 'The facilitator has freed your chair. Take a chair to play again.',
  'player.debriefSoon': 'The game is over: the debrief opens as soon as the record of the game arrives.',
  'player.recordFailed': 'The record of the game could not be read: {reason}',
  'player.noScenario': 'This page does not have the scenario “{id}” of this session.',
  'rej.session/paused': 'The facilitator has paused the game: wait until it resumes.',
  'rej.session/not-started': 'The facilitator has not started the game yet.',
  'rej.session/ended': 'The session has ended.',
  'rej.code/unknown': 'No open session has this code.',
  'rej.seat/taken': 'Someone already sits in that chair.',
  'rej.message/rate-limited': 'Too many requests at once: wait a moment and try again.',
  'rej.client/timeout': 'The server did not answer in time: try again.',
  'rej.client/closed': 'The connection to the server was lost: it is coming back by itself.',
} as const;
