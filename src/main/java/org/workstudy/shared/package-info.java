/**
 * Value types and infrastructure every module uses: the clock, term codes, pages of results, masking of personal
 * data, and the business exception that carries a message key.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.workstudy.shared;
