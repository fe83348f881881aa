import type { TransitionError } from '@xieshang/domain';
import { AppException } from '../../common/app-exception';

/** A refused state-machine step as the API's exception; a missing field is named like the guard names body fields. */
export function transitionException(e: TransitionError): AppException {
  if (e.code === 'VALIDATION_FAILED' && typeof e.params.field === 'string') {
    const field = e.params.field;
    return new AppException('VALIDATION_FAILED', e.params, [{ path: `body.${field}`, code: 'required', message: `${field} is required` }]);
  }
  return new AppException(e.code, e.params);
}
