/**
 * Places (地点): China's administrative divisions (省/市/区县, the national six-digit codes) shipped as data
 * ({@code places/divisions.csv}, see the README beside it), the searchable picker every place form uses, the "same
 * city" rule ({@link org.workstudy.places.Divisions#sameCity}) and the administrator's list of places that could not
 * be mapped to a code ({@link org.workstudy.places.UnmatchedPlaces}, implemented by the modules that store places).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "web"})
package org.workstudy.places;
