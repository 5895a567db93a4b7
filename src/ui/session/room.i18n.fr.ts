// Chaînes françaises des écrans de la salle : l'état de la connexion, la durée de la partie, la comparaison des équipes
// et le dossier d'atelier imprimable.
import type { roomEn } from './room.i18n.en.js';

export const roomFr: Record<keyof typeof roomEn, string> = {
  'conn.reconnecting':
    'Reconnexion… Le serveur est injoignable. Ce que vous faites est gardé et envoyé à son retour ; les horloges s’arrêtent en attendant.',
  'conn.back': 'De nouveau connecté.',
};
