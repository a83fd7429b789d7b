package com.waymark.pairing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PairingPlanRepository extends JpaRepository<PairingPlan, Long> {

    List<PairingPlan> findByActiveTrueOrderById();

    List<PairingPlan> findByProgrammeIdAndActiveTrueOrderById(long programmeId);
}
