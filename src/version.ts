export const ACTION_NAME = 'ecs-amp-action';
/** Kept equal to package.json's version by a unit test; importing package.json would bundle all of it. */
export const ACTION_VERSION = '1.0.0';
