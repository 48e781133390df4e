/**
 * A fictional school for trying WorkStudy out and for benchmarks, loaded through the modules' own services on the
 * first start of an empty database when {@code workstudy.demo.enabled=true}. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule
package org.workstudy.demo;
