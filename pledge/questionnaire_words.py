"""The shipped questionnaire's text (pledge/fixtures/questionnaire*.json), marked for the
translation catalogue: the versions are data, kept in English, and a page shows each title,
description, question, help and suggested action through gettext (pledge_words `shown`).

tests/pledge/test_questionnaire_words.py checks that every text a shipped version holds is
listed here and has its Welsh in the catalogue: add a new version's text here when it ships.
"""

# ruff: noqa: E501 -- each text as the fixtures hold it, one line each
from django.utils.translation import gettext_noop

WORDS = (
    gettext_noop("Promote awareness"),
    gettext_noop(
        "People who live and work in the area know the case review exists and how to use it."
    ),
    gettext_noop(
        "Do you raise awareness of the case review in the community (residents, councillors, community groups, victim services)?"
    ),
    gettext_noop(
        "For example leaflets, web pages, talks at residents' meetings, and briefings for councillors and MPs' caseworkers."
    ),
    gettext_noop(
        "Plan a yearly awareness campaign with residents' groups, councillors and victim services, and record what was done."
    ),
    gettext_noop(
        "Do staff explain the case review to every victim who makes a second report within six months?"
    ),
    gettext_noop("Statutory guidance, July 2025."),
    gettext_noop(
        "Add a prompt to the call-handling and case-management scripts to explain the case review on a second report within six months."
    ),
    gettext_noop("Legality"),
    gettext_noop(
        "The procedure complies with the law and its spirit (Anti-social Behaviour, Crime and Policing Act 2014, s104-105 and Schedule 4)."
    ),
    gettext_noop("Is your case review procedure published?"),
    gettext_noop("s104(2): the relevant bodies must have a procedure and publish it."),
    gettext_noop(
        "Publish the case review procedure on the council's and partners' websites, in plain English."
    ),
    gettext_noop("Is your threshold no higher than three qualifying complaints in six months?"),
    gettext_noop("s104(4): a procedure may set a lower number, never a higher one."),
    gettext_noop(
        "Lower the threshold in the published procedure to three qualifying complaints or fewer."
    ),
    gettext_noop("Does your procedure name a single point of contact for applications?"),
    gettext_noop(
        "s104(3): applications go to one point of contact, who makes sure every relevant body receives them."
    ),
    gettext_noop(
        "Name a single point of contact with an email address and phone number, and publish them with the procedure."
    ),
    gettext_noop(
        "Does every application reach all the relevant bodies (council, police, health body)?"
    ),
    gettext_noop("s104(3)."),
    gettext_noop(
        "Agree with the police and the health body a named contact each, and send every application to all of them."
    ),
    gettext_noop("Have you published your case review data in the last 12 months?"),
    gettext_noop(
        "Applications received, times the threshold was not met, reviews carried out, and reviews that resulted in recommendations."
    ),
    gettext_noop(
        "Publish the four figures (applications, threshold not met, reviews held, reviews with recommendations) at least every 12 months."
    ),
    gettext_noop(
        "Does your procedure give dissatisfied applicants a route to ask for the decision or the review to be looked at again?"
    ),
    gettext_noop(
        "Schedule 4 para 3. In Merseyside, appeals go to the Police and Crime Commissioner."
    ),
    gettext_noop(
        "Agree an appeal route (for example to the Police and Crime Commissioner) and describe it in the procedure and in every decision letter."
    ),
    gettext_noop("Are local providers of social housing co-opted into your case reviews?"),
    gettext_noop("Schedule 4 para 5."),
    gettext_noop(
        "Co-opt the area's main social housing providers and agree how smaller providers join reviews about their tenants."
    ),
    gettext_noop("Ensure accessibility"),
    gettext_noop("The most vulnerable know about the case review and can use it."),
    gettext_noop(
        "Can people apply in several ways (online, phone, paper, in person), not only online?"
    ),
    gettext_noop(
        "Offer applications by phone, on paper and in person as well as online, and say so in the procedure."
    ),
    gettext_noop(
        "Is the procedure available in accessible formats and other languages, with adjustments on request?"
    ),
    gettext_noop("Easy read, large print, British Sign Language, translations."),
    gettext_noop(
        "Produce easy-read and translated versions of the procedure, and record the adjustments each applicant asks for."
    ),
    gettext_noop("Develop the process"),
    gettext_noop("The process is reviewed and learns from best practice."),
    gettext_noop("Are staff who handle ASB reports and case reviews trained in the case review?"),
    gettext_noop("Including partner agencies' front-line staff."),
    gettext_noop(
        "Train every member of staff who handles ASB reports in the case review, and refresh the training every year."
    ),
    gettext_noop("Do you keep a directory of named contacts in partner agencies?"),
    gettext_noop("Who to ask for information, and who attends reviews, in each agency."),
    gettext_noop(
        "Build and keep up to date a directory of named contacts in every partner agency."
    ),
    gettext_noop(
        "Do you have template documents for information sharing and for running review meetings?"
    ),
    gettext_noop(
        "Information-sharing agreements, meeting agendas, the interventions available, supporting the victim."
    ),
    gettext_noop(
        "Write templates for information requests, information sharing, meeting agendas and minutes, and the action plan."
    ),
    gettext_noop("Are your timescales published, and met?"),
    gettext_noop(
        "Acknowledging the application, deciding the threshold, holding the review, and telling the applicant the outcome."
    ),
    gettext_noop(
        "Publish the timescales for each stage and check every month that cases meet them."
    ),
    gettext_noop("Generate inclusivity"),
    gettext_noop("Review meetings solve the problem together, with the victim."),
    gettext_noop(
        "Are victims invited to the review, and able to choose how to take part (in person, virtually, or through someone)?"
    ),
    gettext_noop(
        "Invite every victim to the review meeting and offer ways to take part: in person, online, or through an advocate."
    ),
    gettext_noop("Is the victim consulted on the action plan before it is final?"),
    gettext_noop(
        "Share the draft action plan with the victim and record their view before the plan is agreed."
    ),
    gettext_noop("Are reviews chaired by someone independent of the agencies involved?"),
    gettext_noop("Recommended by the statutory guidance."),
    gettext_noop(
        "Identify a pool of independent chairs (for example from another area or agency) and use them for reviews."
    ),
    gettext_noop("Establish a precedent"),
    gettext_noop("The case review puts victims first and deters perpetrators."),
    gettext_noop(
        "Are review recommendations turned into actions with owners and dates, and followed up until done?"
    ),
    gettext_noop("Bodies that receive recommendations must consider them."),
    gettext_noop(
        "Record each recommendation as an action with an owner and a date, and review progress at each partnership meeting."
    ),
    gettext_noop(
        "Do you share what reviews teach with partners, to change practice beyond the single case?"
    ),
    gettext_noop("For example a yearly learning report to the community safety partnership."),
    gettext_noop(
        "Write a yearly learning report from case reviews and present it to the community safety partnership."
    ),
    gettext_noop(
        'The procedure complies with the law and its spirit: every duty of the Anti-social Behaviour, Crime and Policing Act 2014, s104-105 and Schedule 4. Every question here must be answered "yes" to sign the pledge.'
    ),
    gettext_noop(
        "s104(2): the relevant bodies must make a case review procedure and make sure the current one is published."
    ),
    gettext_noop(
        "Did you consult your Police and Crime Commissioner when you made the procedure, and each time you revised it?"
    ),
    gettext_noop(
        "Schedule 4 para 1: in making and revising the procedure, the relevant bodies must consult the local policing body for the police area (the Police and Crime Commissioner; in London, the Mayor's Office for Policing and Crime; in the City of London, the Common Council; or the mayor who holds the PCC's functions)."
    ),
    gettext_noop(
        "Send the procedure to the Police and Crime Commissioner's office for comment, record their reply, and do the same before every revision."
    ),
    gettext_noop(
        "Did you consult local providers of social housing when you made the procedure, and each time you revised it?"
    ),
    gettext_noop(
        "Schedule 4 para 2: in making and revising the procedure, the relevant bodies must consult such local providers of social housing as they consider appropriate. This is a different duty from co-opting them into reviews (para 5)."
    ),
    gettext_noop(
        "Consult the area's social housing providers on the procedure (at least the larger ones, and any that ask), record their replies, and do the same before every revision."
    ),
    gettext_noop(
        "Does your procedure say how you assess whether it works and how you revise it, and have you done so?"
    ),
    gettext_noop(
        "Schedule 4 para 4: the procedure must include provision about the assessment of its effectiveness and its revision."
    ),
    gettext_noop(
        "Add a section to the procedure on how and when it is reviewed (for example every year, using the published figures and applicants' feedback), hold the first review and publish the revised procedure."
    ),
    gettext_noop(
        "s104(4): the threshold is met when at least three qualifying complaints have been made; a procedure may set a lower number, never a higher one."
    ),
    gettext_noop(
        "Is your procedure free of any condition stricter than the Act, such as requiring the applicant to be the person who complained, requiring the incidents to be crimes, or requiring more than three complaints?"
    ),
    gettext_noop(
        's104(1): the person who complained "or any other person" may apply; s104(11): a qualifying complaint need not have been made by the applicant, and is about anti-social behaviour, not only crime; s104(4): a procedure may set a lower number than three, never a higher one.'
    ),
    gettext_noop(
        "Remove from the procedure, the application form and the web pages every condition the Act does not set (who may apply, crimes only, more than three complaints, shorter time limits), and brief the staff who screen applications."
    ),
    gettext_noop(
        "s104(3)(a): the procedure must specify the point of contact for making applications."
    ),
    gettext_noop(
        "s104(3)(b): the procedure must make sure that applications made to the point of contact are passed on to all the relevant bodies in the area."
    ),
    gettext_noop(
        "s104(10): at least every 12 months, publish the applications received, the times the threshold was not met, the reviews carried out, and the reviews that resulted in recommendations."
    ),
    gettext_noop(
        "Schedule 4 para 3: the procedure must say what happens when an applicant is dissatisfied with how the application was dealt with or how the review was carried out. In Merseyside, appeals go to the Police and Crime Commissioner."
    ),
    gettext_noop(
        "Schedule 4 para 5: the responsible authorities must make arrangements for local providers of social housing to be included among the relevant bodies."
    ),
)
