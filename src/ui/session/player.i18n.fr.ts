// Chaînes françaises de la page du joueur d'une session : la ligne de session de la table et les refus du serveur.
import type { playerEn } from './player.i18n.en.js';

export const playerFr: Record<keyof typeof playerEn, string> = {
  'player.team': 'Équipe {team}',
  'player.freed': 'L’animateur a libéré votre fauteuil. Prenez un fauteuil pour rejouer.',
  'player.debriefSoon': 'La partie est terminée : le débriefing s’ouvre dès que le compte rendu de la partie arrive.',
  'player.recordFailed': 'Le compte rendu de la partie est illisible : {reason}',
  'player.noScenario': 'Cette page n’a pas le scénario « {id} » de cette session.',
  'brief.summary': 'Briefing : la situation',
  'brief.summaryChair': 'Briefing : la situation et votre rôle de {chair}',
  'brief.role': 'Votre rôle : {chair}',
  'brief.noRole': 'Le scénario ne donne pas de brief propre à ce poste.',
  'rej.session/paused': 'L’animateur a mis le jeu en pause : attendez la reprise.',
  'rej.session/not-started': 'L’animateur n’a pas encore démarré le jeu.',
  'rej.session/ended': 'La session est terminée.',
  'rej.code/unknown': 'Aucune session ouverte n’a ce code.',
  'rej.seat/taken': 'Quelqu’un occupe déjà ce fauteuil.',
  'rej.message/rate-limited': 'Trop de demandes à la fois : attendez un instant et réessayez.',
  'rej.client/timeout': 'Le serveur n’a pas répondu à temps : réessayez.',
  'rej.client/closed': 'La connexion au serveur est perdue : elle revient d’elle-même.',
};
