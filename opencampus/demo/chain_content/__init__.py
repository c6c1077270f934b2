"""Demo content for the problem-to-impact chain at Seoul Innovation Park, 2018 to 2020.

Social problems brought by citizens, resident organisations and the campus team; the 2nd
phase's four major experiment projects; three years of supported social-innovation projects
(“150 projects over 3 years”, as the operating-vision article says); and what the 2020 pilot
cohort's working groups work on. Plain data and one pure generator: the demo loader turns it
into rows.

Every problem, experiment, project, observation and number here is invented for the demo.
Places are real Seoul neighbourhoods; organisations are the demo's (opencampus.demo.seoul, whose
generated slugs follow from its fixed seed). Dates are ISO strings ("YYYY-MM-DD"); money is KRW.
"""
