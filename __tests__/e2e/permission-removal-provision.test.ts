import { describeRemovals } from './permission-removal';

describeRemovals('provision');
