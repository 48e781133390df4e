package org.workstudy.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workstudy.awards.AwardRecords;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.checkin.Checkins;
import org.workstudy.exemptions.Exemptions;
import org.workstudy.credits.GraduationAudit;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.recognition.Recognitions;
import org.workstudy.hours.HoursLedger;
import org.workstudy.organization.StatusHistory;
import org.workstudy.pay.PaySheets;
import org.workstudy.placements.Applications;
import org.workstudy.placements.Placements;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.positions.AnnualPlans;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionWorkflow;
import org.workstudy.quality.QualityCredits;

/** The services the demo history goes through, in one bean. */
@Configuration(proxyBeanMethods = false)
class DemoConfig {

    @Bean
    DemoHistory.Services demoServices(AcademicCalendar calendar, PositionWorkflow workflow, Employers employers,
            Placements placements, Applications applications, HoursLedger ledger, SelfArrangedWork selfArranged,
            Exemptions exemptions, QualityCredits quality, Recognitions recognitions, NoticeBoard notices,
            GraduationAudit graduation, AnnualPlans plans, StatusHistory status, PaySheets pay, AwardRecords awards,
            Checkins checkins) {
        return new DemoHistory.Services(calendar, workflow, employers, placements, applications, ledger,
                selfArranged, exemptions, quality, recognitions, notices, graduation, plans, status, pay, awards,
                checkins);
    }
}
